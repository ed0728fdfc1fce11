// A compact in-memory AWS for the provisioning engine's tests: msw 2 handlers for exactly the IAM, Lex V2
// models, Lambda and Connect calls the engine makes, with state, asynchronous statuses (Creating →
// Available, Building → Built) and AWS-shaped errors. Routes match any host, so the same clients work
// whether they point at AWS's endpoints or at the local gateway.
import { http, HttpResponse, type HttpHandler } from 'msw';

export const FAKE_ACCOUNT = '123456789012';
export const FAKE_REGION = 'us-east-1';

type Json = Record<string, unknown>;
type Slot = Json & { slotId: string; slotName: string };
type Intent = Json & { intentId: string; intentName: string; slots: Map<string, Slot>; slotPriorities?: Json[] };
type SlotType = Json & { slotTypeId: string; slotTypeName: string };
type Locale = Json & {
  localeId: string;
  status: string;
  polls: number;
  failureReasons?: string[];
  slotTypes: Map<string, SlotType>;
  intents: Map<string, Intent>;
};
type Version = { botVersion: string; description?: string; status: string; polls: number; locales: string[] };
type Alias = Json & { botAliasId: string; botAliasName: string; botVersion?: string; status: string; polls: number };
type Bot = Json & {
  botId: string;
  botName: string;
  status: string;
  polls: number;
  locales: Map<string, Locale>;
  versions: Map<string, Version>;
  nextVersion: number;
  aliases: Map<string, Alias>;
};
type Role = { name: string; arn: string; id: string; trust: string; policies: Map<string, string>; createDate: string };
type Flow = { id: string; arn: string; name: string; type: string; description?: string; content: string };
type Instance = { id: string; arn: string; bots: Set<string>; flows: Map<string, Flow> };

/** What the fake holds, by resource, for assertions. */
export type FakeInventory = {
  roles: string[];
  bots: {
    name: string;
    locales: { localeId: string; status: string; slotTypes: string[]; intents: { name: string; slots: string[] }[] }[];
    versions: string[];
    aliases: { name: string; version?: string }[];
  }[];
  lambdaStatements: string[];
  connect: { bots: string[]; flows: { name: string; content: string }[] };
};

export type AwsFake = {
  handlers: HttpHandler[];
  addFunction(arn: string): void;
  addInstance(instanceId: string): void;
  /** Creates a role as if someone made it before the wizard ran. */
  addRole(name: string): string;
  /** The next build of a locale ends Failed with these reasons (once). */
  failNextBuild(reasons: string[]): void;
  /** Every operation the fake served, in order (IAM by Action, the rest by route). */
  calls: string[];
  inventory(): FakeInventory;
  /** A slot's stored elicitation prompt text, to see what a redeploy changed. */
  slotPrompt(botName: string, intentName: string, slotName: string, localeId?: string): string | undefined;
};

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function createAwsFake(options: { settlePolls?: number } = {}): AwsFake {
  const settle = options.settlePolls ?? 1;
  let seq = 0;
  const newId = () => {
    seq++;
    let n = seq * 7919;
    let id = '';
    for (let i = 0; i < 10; i++) {
      id += ALNUM[n % ALNUM.length];
      n = Math.floor(n / ALNUM.length) + i * 31 + seq;
    }
    return id;
  };
  const roles = new Map<string, Role>();
  const bots = new Map<string, Bot>();
  const functions = new Map<string, Map<string, Json>>();
  const instances = new Map<string, Instance>();
  const calls: string[] = [];
  let buildFailure: string[] | undefined;

  const error = (status: number, code: string, message: string) =>
    HttpResponse.json({ message }, { status, headers: { 'x-amzn-errortype': code } });
  const notFound = (what: string) => error(404, 'ResourceNotFoundException', `${what} not found.`);
  const str = (v: unknown) => (Array.isArray(v) ? String(v[0]) : String(v));
  const body = async (request: Request): Promise<Json> => {
    const text = await request.text();
    return text ? (JSON.parse(text) as Json) : {};
  };

  /** Advances an asynchronous status one poll at a time. */
  function advance<T extends { status: string; polls: number }>(item: T, from: string, to: string): T {
    if (item.status === from && ++item.polls >= settle) {
      item.status = to;
      item.polls = 0;
    }
    return item;
  }

  // ---- Lex V2 models -------------------------------------------------------------------------------
  const lexBot = (params: Record<string, unknown>) => bots.get(str(params.botId));
  function lexLocale(params: Record<string, unknown>): Locale | Response {
    const bot = lexBot(params);
    if (!bot) return notFound(`Bot ${str(params.botId)}`);
    if (str(params.botVersion) !== 'DRAFT') return error(400, 'ValidationException', 'Only DRAFT can be changed.');
    const locale = bot.locales.get(str(params.localeId));
    return locale ?? notFound(`Locale ${str(params.localeId)}`);
  }
  const touched = (locale: Locale) => {
    locale.status = 'NotBuilt';
    locale.polls = 0;
  };
  const nameFilter = (b: Json) => {
    const f = (b.filters as { values?: string[] }[] | undefined)?.[0];
    return f?.values?.[0];
  };
  const route = (name: string) => calls.push(name);

  const lex: HttpHandler[] = [
    http.put('*/bots', async ({ request }) => {
      route('CreateBot');
      const b = await body(request);
      if ([...bots.values()].some((x) => x.botName === b.botName))
        return error(409, 'ConflictException', `A bot named ${String(b.botName)} already exists.`);
      if (![...roles.values()].some((r) => r.arn === b.roleArn))
        return error(400, 'ValidationException', `The role ${String(b.roleArn)} cannot be assumed by Lex.`);
      const botId = newId();
      bots.set(botId, {
        ...b,
        botId,
        botName: String(b.botName),
        status: 'Creating',
        polls: 0,
        locales: new Map(),
        versions: new Map(),
        nextVersion: 1,
        aliases: new Map(),
      });
      return HttpResponse.json({ ...b, botId, botStatus: 'Creating' }, { status: 202 });
    }),
    http.post('*/bots', async ({ request }) => {
      route('ListBots');
      const name = nameFilter(await body(request));
      const botSummaries = [...bots.values()]
        .filter((b) => !name || b.botName === name)
        .map((b) => ({ botId: b.botId, botName: b.botName, botStatus: b.status }));
      return HttpResponse.json({ botSummaries });
    }),
    http.get('*/bots/:botId', ({ params }) => {
      route('DescribeBot');
      const bot = lexBot(params);
      if (!bot) return notFound(`Bot ${str(params.botId)}`);
      advance(bot, 'Creating', 'Available');
      const { locales: _l, versions: _v, aliases: _a, status, polls: _p, nextVersion: _n, ...rest } = bot;
      return HttpResponse.json({ ...rest, botStatus: status });
    }),
    http.put('*/bots/:botId', async ({ request, params }) => {
      route('UpdateBot');
      const bot = lexBot(params);
      if (!bot) return notFound(`Bot ${str(params.botId)}`);
      Object.assign(bot, await body(request));
      return HttpResponse.json({ botId: bot.botId, botStatus: bot.status }, { status: 202 });
    }),
    http.delete('*/bots/:botId', ({ params, request }) => {
      route('DeleteBot');
      const bot = lexBot(params);
      if (!bot) return notFound(`Bot ${str(params.botId)}`);
      const skip = new URL(request.url).searchParams.get('skipResourceInUseCheck') === 'true';
      if (!skip && bot.aliases.size > 0)
        return error(412, 'PreconditionFailedException', 'The bot has aliases; delete them first.');
      bots.delete(bot.botId);
      return HttpResponse.json({ botId: bot.botId, botStatus: 'Deleting' }, { status: 202 });
    }),

    // Locales
    http.put('*/bots/:botId/botversions/:botVersion/botlocales', async ({ request, params }) => {
      route('CreateBotLocale');
      const bot = lexBot(params);
      if (!bot) return notFound(`Bot ${str(params.botId)}`);
      const b = await body(request);
      const localeId = String(b.localeId);
      if (bot.locales.has(localeId)) return error(409, 'ConflictException', `Locale ${localeId} exists.`);
      const fallback: Intent = {
        intentId: 'FALLBCKINT',
        intentName: 'FallbackIntent',
        description: 'Default intent when no other intent matches',
        parentIntentSignature: 'AMAZON.FallbackIntent',
        slots: new Map(),
      };
      bot.locales.set(localeId, {
        ...b,
        localeId,
        status: 'Creating',
        polls: 0,
        slotTypes: new Map(),
        intents: new Map([[fallback.intentId, fallback]]),
      });
      return HttpResponse.json({ ...b, botId: bot.botId, botLocaleStatus: 'Creating' }, { status: 202 });
    }),
    http.get('*/bots/:botId/botversions/:botVersion/botlocales/:localeId', ({ params }) => {
      route('DescribeBotLocale');
      const bot = lexBot(params);
      if (!bot) return notFound(`Bot ${str(params.botId)}`);
      const locale = bot.locales.get(str(params.localeId));
      if (!locale || str(params.botVersion) !== 'DRAFT') return notFound(`Locale ${str(params.localeId)}`);
      advance(locale, 'Creating', 'NotBuilt');
      if (locale.status === 'Building' && ++locale.polls >= settle) {
        locale.polls = 0;
        if (buildFailure) {
          locale.status = 'Failed';
          locale.failureReasons = buildFailure;
          buildFailure = undefined;
        } else {
          locale.status = 'Built';
          delete locale.failureReasons;
        }
      }
      const { slotTypes: _s, intents: _i, status, polls: _p, ...rest } = locale;
      return HttpResponse.json({ ...rest, botId: bot.botId, botVersion: 'DRAFT', botLocaleStatus: status });
    }),
    http.put('*/bots/:botId/botversions/:botVersion/botlocales/:localeId', async ({ request, params }) => {
      route('UpdateBotLocale');
      const locale = lexLocale(params);
      if (locale instanceof Response) return locale;
      Object.assign(locale, await body(request));
      touched(locale);
      return HttpResponse.json({ localeId: locale.localeId, botLocaleStatus: locale.status }, { status: 202 });
    }),
    http.post('*/bots/:botId/botversions/:botVersion/botlocales/:localeId', ({ params }) => {
      route('BuildBotLocale');
      const locale = lexLocale(params);
      if (locale instanceof Response) return locale;
      if (locale.status === 'Creating' || locale.status === 'Building')
        return error(412, 'PreconditionFailedException', `Locale is ${locale.status}.`);
      locale.status = 'Building';
      locale.polls = 0;
      return HttpResponse.json({ localeId: locale.localeId, botLocaleStatus: 'Building' }, { status: 202 });
    }),
    http.delete('*/bots/:botId/botversions/:botVersion/botlocales/:localeId', ({ params }) => {
      route('DeleteBotLocale');
      const bot = lexBot(params);
      if (!bot?.locales.delete(str(params.localeId))) return notFound(`Locale ${str(params.localeId)}`);
      return HttpResponse.json({ botLocaleStatus: 'Deleting' }, { status: 202 });
    }),

    // Slot types
    http.post('*/bots/:botId/botversions/:botVersion/botlocales/:localeId/slottypes', async ({ request, params }) => {
      route('ListSlotTypes');
      const locale = lexLocale(params);
      if (locale instanceof Response) return locale;
      const name = nameFilter(await body(request));
      const slotTypeSummaries = [...locale.slotTypes.values()]
        .filter((t) => !name || t.slotTypeName === name)
        .map((t) => ({ slotTypeId: t.slotTypeId, slotTypeName: t.slotTypeName }));
      return HttpResponse.json({ slotTypeSummaries });
    }),
    http.put('*/bots/:botId/botversions/:botVersion/botlocales/:localeId/slottypes', async ({ request, params }) => {
      route('CreateSlotType');
      const locale = lexLocale(params);
      if (locale instanceof Response) return locale;
      const b = await body(request);
      if ([...locale.slotTypes.values()].some((t) => t.slotTypeName === b.slotTypeName))
        return error(409, 'ConflictException', `Slot type ${String(b.slotTypeName)} exists.`);
      const slotTypeId = newId();
      locale.slotTypes.set(slotTypeId, { ...b, slotTypeId, slotTypeName: String(b.slotTypeName) });
      touched(locale);
      return HttpResponse.json({ ...b, slotTypeId });
    }),
    http.get('*/bots/:botId/botversions/:botVersion/botlocales/:localeId/slottypes/:slotTypeId', ({ params }) => {
      route('DescribeSlotType');
      const locale = lexLocale(params);
      if (locale instanceof Response) return locale;
      const type = locale.slotTypes.get(str(params.slotTypeId));
      return type ? HttpResponse.json(type) : notFound(`Slot type ${str(params.slotTypeId)}`);
    }),
    http.put(
      '*/bots/:botId/botversions/:botVersion/botlocales/:localeId/slottypes/:slotTypeId',
      async ({ request, params }) => {
        route('UpdateSlotType');
        const locale = lexLocale(params);
        if (locale instanceof Response) return locale;
        const id = str(params.slotTypeId);
        if (!locale.slotTypes.has(id)) return notFound(`Slot type ${id}`);
        const b = await body(request);
        locale.slotTypes.set(id, { ...b, slotTypeId: id, slotTypeName: String(b.slotTypeName) });
        touched(locale);
        return HttpResponse.json({ ...b, slotTypeId: id }, { status: 202 });
      },
    ),
    http.delete('*/bots/:botId/botversions/:botVersion/botlocales/:localeId/slottypes/:slotTypeId', ({ params }) => {
      route('DeleteSlotType');
      const locale = lexLocale(params);
      if (locale instanceof Response) return locale;
      const id = str(params.slotTypeId);
      if (!locale.slotTypes.has(id)) return notFound(`Slot type ${id}`);
      const usedBy = [...locale.intents.values()]
        .flatMap((i) => [...i.slots.values()])
        .find((s) => s.slotTypeId === id);
      if (usedBy)
        return error(412, 'PreconditionFailedException', `Slot type ${id} is used by slot ${usedBy.slotName}.`);
      locale.slotTypes.delete(id);
      touched(locale);
      return new HttpResponse(null, { status: 204 });
    }),

    // Intents
    http.post('*/bots/:botId/botversions/:botVersion/botlocales/:localeId/intents', async ({ request, params }) => {
      route('ListIntents');
      const locale = lexLocale(params);
      if (locale instanceof Response) return locale;
      const name = nameFilter(await body(request));
      const intentSummaries = [...locale.intents.values()]
        .filter((i) => !name || i.intentName === name)
        .map((i) => ({ intentId: i.intentId, intentName: i.intentName }));
      return HttpResponse.json({ intentSummaries });
    }),
    http.put('*/bots/:botId/botversions/:botVersion/botlocales/:localeId/intents', async ({ request, params }) => {
      route('CreateIntent');
      const locale = lexLocale(params);
      if (locale instanceof Response) return locale;
      const b = await body(request);
      if ([...locale.intents.values()].some((i) => i.intentName === b.intentName))
        return error(409, 'ConflictException', `Intent ${String(b.intentName)} exists.`);
      const intentId = newId();
      locale.intents.set(intentId, { ...b, intentId, intentName: String(b.intentName), slots: new Map() });
      touched(locale);
      return HttpResponse.json({ ...b, intentId });
    }),
    http.get('*/bots/:botId/botversions/:botVersion/botlocales/:localeId/intents/:intentId', ({ params }) => {
      route('DescribeIntent');
      const locale = lexLocale(params);
      if (locale instanceof Response) return locale;
      const intent = locale.intents.get(str(params.intentId));
      if (!intent) return notFound(`Intent ${str(params.intentId)}`);
      const { slots: _s, ...rest } = intent;
      return HttpResponse.json(rest);
    }),
    http.put(
      '*/bots/:botId/botversions/:botVersion/botlocales/:localeId/intents/:intentId',
      async ({ request, params }) => {
        route('UpdateIntent');
        const locale = lexLocale(params);
        if (locale instanceof Response) return locale;
        const intent = locale.intents.get(str(params.intentId));
        if (!intent) return notFound(`Intent ${str(params.intentId)}`);
        const b = await body(request);
        const unknown = ((b.slotPriorities as { slotId: string }[] | undefined) ?? []).find(
          (p) => !intent.slots.has(p.slotId),
        );
        if (unknown) return error(400, 'ValidationException', `Slot ${unknown.slotId} is not a slot of this intent.`);
        locale.intents.set(intent.intentId, {
          ...b,
          intentId: intent.intentId,
          intentName: String(b.intentName),
          slots: intent.slots,
        });
        touched(locale);
        return HttpResponse.json({ ...b, intentId: intent.intentId });
      },
    ),
    http.delete('*/bots/:botId/botversions/:botVersion/botlocales/:localeId/intents/:intentId', ({ params }) => {
      route('DeleteIntent');
      const locale = lexLocale(params);
      if (locale instanceof Response) return locale;
      if (!locale.intents.delete(str(params.intentId))) return notFound(`Intent ${str(params.intentId)}`);
      touched(locale);
      return new HttpResponse(null, { status: 204 });
    }),

    // Slots
    http.post(
      '*/bots/:botId/botversions/:botVersion/botlocales/:localeId/intents/:intentId/slots',
      async ({ request, params }) => {
        route('ListSlots');
        const locale = lexLocale(params);
        if (locale instanceof Response) return locale;
        const intent = locale.intents.get(str(params.intentId));
        if (!intent) return notFound(`Intent ${str(params.intentId)}`);
        const name = nameFilter(await body(request));
        const slotSummaries = [...intent.slots.values()]
          .filter((s) => !name || s.slotName === name)
          .map((s) => ({ slotId: s.slotId, slotName: s.slotName }));
        return HttpResponse.json({ slotSummaries });
      },
    ),
    http.put(
      '*/bots/:botId/botversions/:botVersion/botlocales/:localeId/intents/:intentId/slots',
      async ({ request, params }) => {
        route('CreateSlot');
        const locale = lexLocale(params);
        if (locale instanceof Response) return locale;
        const intent = locale.intents.get(str(params.intentId));
        if (!intent) return notFound(`Intent ${str(params.intentId)}`);
        const b = await body(request);
        const typeId = String(b.slotTypeId);
        if (!typeId.startsWith('AMAZON.') && !locale.slotTypes.has(typeId))
          return error(400, 'ValidationException', `Slot type ${typeId} does not exist.`);
        if ([...intent.slots.values()].some((s) => s.slotName === b.slotName))
          return error(409, 'ConflictException', `Slot ${String(b.slotName)} exists.`);
        const slotId = newId();
        intent.slots.set(slotId, { ...b, slotId, slotName: String(b.slotName) });
        touched(locale);
        return HttpResponse.json({ ...b, slotId });
      },
    ),
    http.get(
      '*/bots/:botId/botversions/:botVersion/botlocales/:localeId/intents/:intentId/slots/:slotId',
      ({ params }) => {
        route('DescribeSlot');
        const locale = lexLocale(params);
        if (locale instanceof Response) return locale;
        const slot = locale.intents.get(str(params.intentId))?.slots.get(str(params.slotId));
        return slot ? HttpResponse.json(slot) : notFound(`Slot ${str(params.slotId)}`);
      },
    ),
    http.put(
      '*/bots/:botId/botversions/:botVersion/botlocales/:localeId/intents/:intentId/slots/:slotId',
      async ({ request, params }) => {
        route('UpdateSlot');
        const locale = lexLocale(params);
        if (locale instanceof Response) return locale;
        const intent = locale.intents.get(str(params.intentId));
        const id = str(params.slotId);
        if (!intent?.slots.has(id)) return notFound(`Slot ${id}`);
        const b = await body(request);
        intent.slots.set(id, { ...b, slotId: id, slotName: String(b.slotName) });
        touched(locale);
        return HttpResponse.json({ ...b, slotId: id });
      },
    ),
    http.delete(
      '*/bots/:botId/botversions/:botVersion/botlocales/:localeId/intents/:intentId/slots/:slotId',
      ({ params }) => {
        route('DeleteSlot');
        const locale = lexLocale(params);
        if (locale instanceof Response) return locale;
        const intent = locale.intents.get(str(params.intentId));
        const id = str(params.slotId);
        if (!intent?.slots.delete(id)) return notFound(`Slot ${id}`);
        intent.slotPriorities = intent.slotPriorities?.filter((p) => p.slotId !== id);
        touched(locale);
        return new HttpResponse(null, { status: 204 });
      },
    ),

    // Versions
    http.put('*/bots/:botId/botversions', async ({ request, params }) => {
      route('CreateBotVersion');
      const bot = lexBot(params);
      if (!bot) return notFound(`Bot ${str(params.botId)}`);
      const b = await body(request);
      const locales = Object.keys((b.botVersionLocaleSpecification as Json | undefined) ?? {});
      const unbuilt = locales.find((l) => bot.locales.get(l)?.status !== 'Built');
      if (locales.length === 0 || unbuilt)
        return error(412, 'PreconditionFailedException', `Locale ${unbuilt ?? '(none)'} is not built.`);
      const botVersion = String(bot.nextVersion++);
      const description = typeof b.description === 'string' ? b.description : undefined;
      bot.versions.set(botVersion, { botVersion, description, status: 'Versioning', polls: 0, locales });
      return HttpResponse.json({ botId: bot.botId, botVersion, botStatus: 'Versioning', description }, { status: 202 });
    }),
    http.post('*/bots/:botId/botversions', ({ params }) => {
      route('ListBotVersions');
      const bot = lexBot(params);
      if (!bot) return notFound(`Bot ${str(params.botId)}`);
      const botVersionSummaries = [...bot.versions.values()]
        .sort((a, b) => Number(b.botVersion) - Number(a.botVersion))
        .map((v) => ({
          botName: bot.botName,
          botVersion: v.botVersion,
          description: v.description,
          botStatus: v.status,
        }));
      return HttpResponse.json({ botId: bot.botId, botVersionSummaries });
    }),
    http.get('*/bots/:botId/botversions/:botVersion', ({ params }) => {
      route('DescribeBotVersion');
      const version = lexBot(params)?.versions.get(str(params.botVersion));
      if (!version) return notFound(`Version ${str(params.botVersion)}`);
      advance(version, 'Versioning', 'Available');
      return HttpResponse.json({
        botId: str(params.botId),
        botVersion: version.botVersion,
        description: version.description,
        botStatus: version.status,
      });
    }),
    http.delete('*/bots/:botId/botversions/:botVersion', ({ params, request }) => {
      route('DeleteBotVersion');
      const bot = lexBot(params);
      const version = bot?.versions.get(str(params.botVersion));
      if (!bot || !version) return notFound(`Version ${str(params.botVersion)}`);
      const skip = new URL(request.url).searchParams.get('skipResourceInUseCheck') === 'true';
      const alias = [...bot.aliases.values()].find((a) => a.botVersion === version.botVersion);
      if (alias && !skip)
        return error(
          412,
          'PreconditionFailedException',
          `Version ${version.botVersion} is used by ${alias.botAliasName}.`,
        );
      bot.versions.delete(version.botVersion);
      return HttpResponse.json(
        { botId: bot.botId, botVersion: version.botVersion, botStatus: 'Deleting' },
        { status: 202 },
      );
    }),

    // Aliases
    http.put('*/bots/:botId/botaliases', async ({ request, params }) => {
      route('CreateBotAlias');
      const bot = lexBot(params);
      if (!bot) return notFound(`Bot ${str(params.botId)}`);
      const b = await body(request);
      if ([...bot.aliases.values()].some((a) => a.botAliasName === b.botAliasName))
        return error(409, 'ConflictException', `Alias ${String(b.botAliasName)} exists.`);
      if (b.botVersion !== undefined && !bot.versions.has(String(b.botVersion)))
        return error(400, 'ValidationException', `Version ${String(b.botVersion)} does not exist.`);
      const botAliasId = newId();
      const alias = { ...b, botAliasId, botAliasName: String(b.botAliasName), status: 'Creating', polls: 0 };
      bot.aliases.set(botAliasId, alias as Alias);
      return HttpResponse.json({ ...b, botAliasId, botId: bot.botId, botAliasStatus: 'Creating' }, { status: 202 });
    }),
    http.post('*/bots/:botId/botaliases', ({ params }) => {
      route('ListBotAliases');
      const bot = lexBot(params);
      if (!bot) return notFound(`Bot ${str(params.botId)}`);
      const botAliasSummaries = [...bot.aliases.values()].map((a) => ({
        botAliasId: a.botAliasId,
        botAliasName: a.botAliasName,
        botVersion: a.botVersion,
        botAliasStatus: a.status,
      }));
      return HttpResponse.json({ botId: bot.botId, botAliasSummaries });
    }),
    http.get('*/bots/:botId/botaliases/:botAliasId', ({ params }) => {
      route('DescribeBotAlias');
      const alias = lexBot(params)?.aliases.get(str(params.botAliasId));
      if (!alias) return notFound(`Alias ${str(params.botAliasId)}`);
      advance(alias, 'Creating', 'Available');
      const { status, polls: _p, ...rest } = alias;
      return HttpResponse.json({ ...rest, botId: str(params.botId), botAliasStatus: status });
    }),
    http.put('*/bots/:botId/botaliases/:botAliasId', async ({ request, params }) => {
      route('UpdateBotAlias');
      const bot = lexBot(params);
      const alias = bot?.aliases.get(str(params.botAliasId));
      if (!bot || !alias) return notFound(`Alias ${str(params.botAliasId)}`);
      const b = await body(request);
      if (b.botVersion !== undefined && !bot.versions.has(String(b.botVersion)))
        return error(400, 'ValidationException', `Version ${String(b.botVersion)} does not exist.`);
      for (const key of Object.keys(alias)) if (!['botAliasId', 'status', 'polls'].includes(key)) delete alias[key];
      Object.assign(alias, b, { status: 'Available', polls: 0 });
      return HttpResponse.json({ ...b, botAliasId: alias.botAliasId, botAliasStatus: 'Available' }, { status: 202 });
    }),
    http.delete('*/bots/:botId/botaliases/:botAliasId', ({ params }) => {
      route('DeleteBotAlias');
      const bot = lexBot(params);
      if (!bot?.aliases.delete(str(params.botAliasId))) return notFound(`Alias ${str(params.botAliasId)}`);
      return HttpResponse.json({ botAliasStatus: 'Deleting' }, { status: 202 });
    }),
  ];

  // ---- Lambda --------------------------------------------------------------------------------------
  const fn = (params: Record<string, unknown>) => functions.get(decodeURIComponent(str(params.fn)));
  const lambdaError = (status: number, code: string, message: string) =>
    HttpResponse.json({ Type: 'User', Message: message }, { status, headers: { 'x-amzn-errortype': code } });
  const lambda: HttpHandler[] = [
    http.post('*/2015-03-31/functions/:fn/policy', async ({ request, params }) => {
      route('AddPermission');
      const statements = fn(params);
      if (!statements) return lambdaError(404, 'ResourceNotFoundException', `Function not found: ${str(params.fn)}`);
      const b = await body(request);
      const sid = String(b.StatementId);
      if (statements.has(sid))
        return lambdaError(409, 'ResourceConflictException', `The statement id (${sid}) provided already exists.`);
      const statement = {
        Sid: sid,
        Effect: 'Allow',
        Principal: { Service: b.Principal },
        Action: b.Action,
        Resource: decodeURIComponent(str(params.fn)),
        Condition: { ArnLike: { 'AWS:SourceArn': b.SourceArn } },
      };
      statements.set(sid, statement);
      return HttpResponse.json({ Statement: JSON.stringify(statement) }, { status: 201 });
    }),
    http.delete('*/2015-03-31/functions/:fn/policy/:sid', ({ params }) => {
      route('RemovePermission');
      const statements = fn(params);
      if (!statements?.delete(str(params.sid)))
        return lambdaError(404, 'ResourceNotFoundException', 'No policy is associated with the given resource.');
      return new HttpResponse(null, { status: 204 });
    }),
    http.get('*/2015-03-31/functions/:fn/policy', ({ params }) => {
      route('GetPolicy');
      const statements = fn(params);
      if (!statements || statements.size === 0)
        return lambdaError(404, 'ResourceNotFoundException', 'The resource you requested does not exist.');
      return HttpResponse.json({
        Policy: JSON.stringify({ Version: '2012-10-17', Statement: [...statements.values()] }),
        RevisionId: String(statements.size),
      });
    }),
  ];

  // ---- Connect -------------------------------------------------------------------------------------
  const instance = (params: Record<string, unknown>) => instances.get(str(params.instanceId));
  const noInstance = (params: Record<string, unknown>) => notFound(`Instance ${str(params.instanceId)}`);
  const connect: HttpHandler[] = [
    http.get('*/instance/:instanceId/bots', ({ params }) => {
      route('Connect.ListBots');
      const inst = instance(params);
      if (!inst) return noInstance(params);
      return HttpResponse.json({ LexBots: [...inst.bots].map((AliasArn) => ({ LexV2Bot: { AliasArn } })) });
    }),
    http.put('*/instance/:instanceId/bot', async ({ request, params }) => {
      route('AssociateBot');
      const inst = instance(params);
      if (!inst) return noInstance(params);
      const arn = String(((await body(request)).LexV2Bot as Json | undefined)?.AliasArn);
      if (inst.bots.has(arn)) return error(409, 'ResourceConflictException', 'The bot is already associated.');
      inst.bots.add(arn);
      return new HttpResponse(null, { status: 200 });
    }),
    http.post('*/instance/:instanceId/bot', async ({ request, params }) => {
      route('DisassociateBot');
      const inst = instance(params);
      if (!inst) return noInstance(params);
      const arn = String(((await body(request)).LexV2Bot as Json | undefined)?.AliasArn);
      if (!inst.bots.delete(arn)) return notFound(`Association of ${arn}`);
      return new HttpResponse(null, { status: 200 });
    }),
    http.get('*/contact-flows-summary/:instanceId', ({ params, request }) => {
      route('ListContactFlows');
      const inst = instance(params);
      if (!inst) return noInstance(params);
      const types = new URL(request.url).searchParams.getAll('contactFlowTypes');
      const ContactFlowSummaryList = [...inst.flows.values()]
        .filter((f) => types.length === 0 || types.includes(f.type))
        .map((f) => ({ Id: f.id, Arn: f.arn, Name: f.name, ContactFlowType: f.type, ContactFlowState: 'ACTIVE' }));
      return HttpResponse.json({ ContactFlowSummaryList });
    }),
    http.put('*/contact-flows/:instanceId', async ({ request, params }) => {
      route('CreateContactFlow');
      const inst = instance(params);
      if (!inst) return noInstance(params);
      const b = await body(request);
      if ([...inst.flows.values()].some((f) => f.name === b.Name))
        return error(409, 'DuplicateResourceException', `A flow named ${String(b.Name)} exists.`);
      try {
        JSON.parse(String(b.Content));
      } catch {
        return error(400, 'InvalidContactFlowException', 'The flow content is not valid JSON.');
      }
      const id = `flow-${newId().toLowerCase()}`;
      const arn = `${inst.arn}/contact-flow/${id}`;
      inst.flows.set(id, {
        id,
        arn,
        name: String(b.Name),
        type: String(b.Type),
        content: String(b.Content),
        ...(typeof b.Description === 'string' ? { description: b.Description } : {}),
      });
      return HttpResponse.json({ ContactFlowId: id, ContactFlowArn: arn });
    }),
    http.get('*/contact-flows/:instanceId/:flowId', ({ params }) => {
      route('DescribeContactFlow');
      const flow = instance(params)?.flows.get(str(params.flowId));
      if (!flow) return notFound(`Contact flow ${str(params.flowId)}`);
      return HttpResponse.json({
        ContactFlow: {
          Arn: flow.arn,
          Id: flow.id,
          Name: flow.name,
          Type: flow.type,
          State: 'ACTIVE',
          Description: flow.description,
          Content: flow.content,
        },
      });
    }),
    http.post('*/contact-flows/:instanceId/:flowId/content', async ({ request, params }) => {
      route('UpdateContactFlowContent');
      const flow = instance(params)?.flows.get(str(params.flowId));
      if (!flow) return notFound(`Contact flow ${str(params.flowId)}`);
      flow.content = String((await body(request)).Content);
      return HttpResponse.json({});
    }),
    http.delete('*/contact-flows/:instanceId/:flowId', ({ params }) => {
      route('DeleteContactFlow');
      const inst = instance(params);
      if (!inst?.flows.delete(str(params.flowId))) return notFound(`Contact flow ${str(params.flowId)}`);
      return HttpResponse.json({});
    }),
  ];

  // ---- IAM (query protocol: form-encoded Action, XML answers) ---------------------------------------
  const xml = (action: string, result: string) =>
    new HttpResponse(
      `<${action}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>req-${seq}</RequestId></ResponseMetadata></${action}Response>`,
      { status: 200, headers: { 'content-type': 'text/xml' } },
    );
  const xmlEmpty = (action: string) =>
    new HttpResponse(
      `<${action}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ResponseMetadata><RequestId>req-${seq}</RequestId></ResponseMetadata></${action}Response>`,
      { status: 200, headers: { 'content-type': 'text/xml' } },
    );
  const iamError = (status: number, code: string, message: string) =>
    new HttpResponse(
      `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>req-${seq}</RequestId></ErrorResponse>`,
      { status, headers: { 'content-type': 'text/xml' } },
    );
  const roleXml = (r: Role) =>
    `<Role><Path>/</Path><RoleName>${r.name}</RoleName><RoleId>${r.id}</RoleId><Arn>${r.arn}</Arn><CreateDate>${r.createDate}</CreateDate><AssumeRolePolicyDocument>${encodeURIComponent(r.trust)}</AssumeRolePolicyDocument></Role>`;
  function makeRole(name: string, trust: string): Role {
    const role = {
      name,
      arn: `arn:aws:iam::${FAKE_ACCOUNT}:role/${name}`,
      id: `AROA${newId()}`,
      trust,
      policies: new Map<string, string>(),
      createDate: '2025-06-10T15:00:00Z',
    };
    roles.set(name, role);
    return role;
  }
  const iam: HttpHandler[] = [
    http.post('*/', async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      const action = form.get('Action') ?? '';
      route(action);
      const name = form.get('RoleName') ?? '';
      const role = roles.get(name);
      const noRole = () => iamError(404, 'NoSuchEntity', `The role with name ${name} cannot be found.`);
      switch (action) {
        case 'GetRole':
          return role ? xml(action, roleXml(role)) : noRole();
        case 'CreateRole':
          if (role) return iamError(409, 'EntityAlreadyExists', `Role with name ${name} already exists.`);
          return xml(action, roleXml(makeRole(name, form.get('AssumeRolePolicyDocument') ?? '')));
        case 'PutRolePolicy':
          if (!role) return noRole();
          role.policies.set(form.get('PolicyName') ?? '', form.get('PolicyDocument') ?? '');
          return xmlEmpty(action);
        case 'DeleteRolePolicy':
          if (!role) return noRole();
          if (!role.policies.delete(form.get('PolicyName') ?? ''))
            return iamError(404, 'NoSuchEntity', `The role policy ${form.get('PolicyName')} cannot be found.`);
          return xmlEmpty(action);
        case 'DeleteRole':
          if (!role) return noRole();
          if (role.policies.size > 0)
            return iamError(409, 'DeleteConflict', 'Cannot delete entity, must delete policies first.');
          roles.delete(name);
          return xmlEmpty(action);
        default:
          return iamError(400, 'InvalidAction', `The fake does not serve ${action}.`);
      }
    }),
  ];

  return {
    handlers: [...lex, ...lambda, ...connect, ...iam],
    calls,
    addFunction: (arn) => void functions.set(arn, new Map()),
    addInstance: (instanceId) =>
      void instances.set(instanceId, {
        id: instanceId,
        arn: `arn:aws:connect:${FAKE_REGION}:${FAKE_ACCOUNT}:instance/${instanceId}`,
        bots: new Set(),
        flows: new Map(),
      }),
    addRole: (name) => makeRole(name, '{}').arn,
    failNextBuild: (reasons) => void (buildFailure = reasons),
    inventory: () => ({
      roles: [...roles.keys()].sort(),
      bots: [...bots.values()].map((b) => ({
        name: b.botName,
        locales: [...b.locales.values()].map((l) => ({
          localeId: l.localeId,
          status: l.status,
          slotTypes: [...l.slotTypes.values()].map((t) => t.slotTypeName).sort(),
          intents: [...l.intents.values()]
            .map((i) => ({ name: i.intentName, slots: [...i.slots.values()].map((s) => s.slotName).sort() }))
            .sort((x, y) => x.name.localeCompare(y.name)),
        })),
        versions: [...b.versions.keys()],
        aliases: [...b.aliases.values()].map((a) => ({ name: a.botAliasName, version: a.botVersion })),
      })),
      lambdaStatements: [...functions.values()].flatMap((s) => [...s.keys()]).sort(),
      connect: {
        bots: [...instances.values()].flatMap((i) => [...i.bots]).sort(),
        flows: [...instances.values()].flatMap((i) =>
          [...i.flows.values()].map((f) => ({ name: f.name, content: f.content })),
        ),
      },
    }),
    slotPrompt(botName, intentName, slotName, localeId = 'en_US') {
      const bot = [...bots.values()].find((b) => b.botName === botName);
      const intent = [...(bot?.locales.get(localeId)?.intents.values() ?? [])].find((i) => i.intentName === intentName);
      const slot = [...(intent?.slots.values() ?? [])].find((s) => s.slotName === slotName);
      const groups = (
        slot?.valueElicitationSetting as
          | { promptSpecification?: { messageGroups?: { message?: { plainTextMessage?: { value?: string } } }[] } }
          | undefined
      )?.promptSpecification?.messageGroups;
      return groups?.[0]?.message?.plainTextMessage?.value;
    },
  };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
