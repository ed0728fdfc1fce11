import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalTelemetry, LOCAL_METRICS_NAMESPACE } from './local-telemetry';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'courier-telemetry-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const fileLines = async (file: string) =>
  (await readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the local stack telemetry file', () => {
  it("holds every service's log lines and EMF metrics and the stack's notices, in the order written", async () => {
    // Prepare
    const printed: string[] = [];
    const telemetry = createLocalTelemetry({
      file: join(dir, 'nested', 'telemetry.jsonl'),
      print: (l) => printed.push(l),
    });

    // Act
    telemetry.log('api').error('resolver failed', new Error('boom'));
    telemetry.note('[rollups] built the dashboard rollups from existing data');
    telemetry.note(JSON.stringify({ level: 'info', service: 'appsync', message: 'subscription' }));
    const metrics = telemetry.metrics('corruption-detector');
    metrics.count('CorruptItems', 0);
    metrics.flush();
    telemetry.log('mcp').info('tool called', { tool: 'track_parcel' });
    await telemetry.close();
    telemetry.note('after close: not filed');

    // Assess
    const lines = await fileLines(telemetry.file);
    expect(lines.map((l) => l.service)).toEqual(['api', 'stack', 'appsync', 'corruption-detector', 'mcp']);
    expect(lines[0]).toMatchObject({ level: 'ERROR', message: 'resolver failed', error: { message: 'boom' } });
    expect(lines[1]).toMatchObject({
      level: 'INFO',
      message: '[rollups] built the dashboard rollups from existing data',
    });
    expect(lines[3]).toMatchObject({
      CorruptItems: 0,
      _aws: { CloudWatchMetrics: [{ Namespace: LOCAL_METRICS_NAMESPACE, Dimensions: [['service']] }] },
    });
    expect(lines[4]).toMatchObject({ message: 'tool called', detail: { tool: 'track_parcel' } });
    // The terminal shows the log lines and the notices as given; metrics stay in the file.
    expect(printed).toHaveLength(5);
    expect(printed[1]).toBe('[rollups] built the dashboard rollups from existing data');
    expect(printed.some((l) => l.includes('CloudWatchMetrics'))).toBe(false);
  });

  it('appends across restarts', async () => {
    const file = join(dir, 'telemetry.jsonl');
    for (const run of ['first', 'second']) {
      const telemetry = createLocalTelemetry({ file });
      telemetry.note(`${run} start`);
      await telemetry.close();
    }
    expect((await fileLines(file)).map((l) => l.message)).toEqual(['first start', 'second start']);
  });
});
