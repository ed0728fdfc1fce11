// Finding Lex V2 resources by name (the model API has no get-by-name): the list calls followed page by page
// (with an EQ name filter for bots), so every step can look before it creates.
import {
  ListBotAliasesCommand,
  ListBotsCommand,
  ListBotVersionsCommand,
  ListIntentsCommand,
  ListSlotsCommand,
  ListSlotTypesCommand,
  type BotAliasSummary,
  type BotVersionSummary,
  type LexModelsV2Client,
} from '@aws-sdk/client-lex-models-v2';
import { DRAFT } from './lex-spec';

async function firstMatch<T>(
  read: (nextToken: string | undefined) => Promise<{ items: T[]; nextToken?: string }>,
  matches: (item: T) => boolean,
): Promise<T | undefined> {
  let token: string | undefined;
  do {
    const page = await read(token);
    const found = page.items.find(matches);
    if (found) return found;
    token = page.nextToken;
  } while (token);
  return undefined;
}

async function all<T>(read: (nextToken: string | undefined) => Promise<{ items: T[]; nextToken?: string }>) {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const page = await read(token);
    items.push(...page.items);
    token = page.nextToken;
  } while (token);
  return items;
}

export async function findBotId(lex: LexModelsV2Client, botName: string): Promise<string | undefined> {
  const bot = await firstMatch(
    async (nextToken) => {
      const out = await lex.send(
        new ListBotsCommand({ filters: [{ name: 'BotName', values: [botName], operator: 'EQ' }], nextToken }),
      );
      return { items: out.botSummaries ?? [], nextToken: out.nextToken };
    },
    (b) => b.botName === botName,
  );
  return bot?.botId;
}

export type LocaleScope = { botId: string; localeId: string };

/** Custom slot types of the draft locale by name: one listing serves every lookup of a step. */
export async function slotTypeIdsByName(lex: LexModelsV2Client, scope: LocaleScope): Promise<Map<string, string>> {
  const types = await all(async (nextToken) => {
    const out = await lex.send(new ListSlotTypesCommand({ ...scope, botVersion: DRAFT, nextToken }));
    return { items: out.slotTypeSummaries ?? [], nextToken: out.nextToken };
  });
  return new Map(types.flatMap((t) => (t.slotTypeName && t.slotTypeId ? [[t.slotTypeName, t.slotTypeId]] : [])));
}

export async function intentIdsByName(lex: LexModelsV2Client, scope: LocaleScope): Promise<Map<string, string>> {
  const intents = await all(async (nextToken) => {
    const out = await lex.send(new ListIntentsCommand({ ...scope, botVersion: DRAFT, nextToken }));
    return { items: out.intentSummaries ?? [], nextToken: out.nextToken };
  });
  return new Map(intents.flatMap((i) => (i.intentName && i.intentId ? [[i.intentName, i.intentId]] : [])));
}

export async function slotIdsByName(
  lex: LexModelsV2Client,
  scope: LocaleScope & { intentId: string },
): Promise<Map<string, string>> {
  const slots = await all(async (nextToken) => {
    const out = await lex.send(new ListSlotsCommand({ ...scope, botVersion: DRAFT, nextToken }));
    return { items: out.slotSummaries ?? [], nextToken: out.nextToken };
  });
  return new Map(slots.flatMap((sl) => (sl.slotName && sl.slotId ? [[sl.slotName, sl.slotId]] : [])));
}

/** Numbered versions, newest first (DRAFT is not a version). */
export async function listBotVersions(lex: LexModelsV2Client, botId: string): Promise<BotVersionSummary[]> {
  const versions = await all(async (nextToken) => {
    const out = await lex.send(
      new ListBotVersionsCommand({ botId, sortBy: { attribute: 'BotVersion', order: 'Descending' }, nextToken }),
    );
    return { items: out.botVersionSummaries ?? [], nextToken: out.nextToken };
  });
  return versions
    .filter((v) => v.botVersion && v.botVersion !== DRAFT)
    .sort((a, b) => Number(b.botVersion) - Number(a.botVersion));
}

export async function listBotAliases(lex: LexModelsV2Client, botId: string): Promise<BotAliasSummary[]> {
  return all(async (nextToken) => {
    const out = await lex.send(new ListBotAliasesCommand({ botId, nextToken }));
    return { items: out.botAliasSummaries ?? [], nextToken: out.nextToken };
  });
}
