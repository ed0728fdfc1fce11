// What the local DynamoDB remembers per table that dynalite does not: stream and TTL settings. Persisted
// as JSON beside dynalite's data when the service has a data directory.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export type TableSettings = {
  stream?: { viewType: 'NEW_AND_OLD_IMAGES' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'KEYS_ONLY'; label: string };
  ttl?: { attributeName: string };
};

export type TableSettingsStore = {
  get(table: string): TableSettings;
  set(table: string, settings: TableSettings): Promise<void>;
  delete(table: string): Promise<void>;
  tables(): string[];
};

export async function openTableSettings(file?: string): Promise<TableSettingsStore> {
  let all: Record<string, TableSettings> = {};
  if (file) {
    try {
      all = JSON.parse(await readFile(file, 'utf8')) as Record<string, TableSettings>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  let writing = Promise.resolve();
  const save = (): Promise<void> => {
    if (!file) return Promise.resolve();
    const snapshot = JSON.stringify(all, null, 2);
    writing = writing.then(async () => {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(`${file}.tmp`, snapshot);
      await rename(`${file}.tmp`, file);
    });
    return writing;
  };
  return {
    get: (table) => all[table] ?? {},
    async set(table, settings) {
      all = { ...all, [table]: settings };
      await save();
    },
    async delete(table) {
      const { [table]: _removed, ...rest } = all;
      all = rest;
      await save();
    },
    tables: () => Object.keys(all),
  };
}
