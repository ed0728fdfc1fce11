// Runs cognito-local 5.3.0 in this process, on 127.0.0.1 and a free port, with its data under a given folder.
// Assembled from its parts (as its createDefaultServer does) because that factory hard-codes ./.cognito.
import { rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Services } from 'cognito-local/lib/services';
import type { Context } from 'cognito-local/lib/services/context';
import type { Config } from 'cognito-local/lib/server/config';
import type { Lambda } from 'cognito-local/lib/services/lambda';
import type { CryptoService } from 'cognito-local/lib/services/crypto';
import { DateClock, MessagesService, TriggersService } from 'cognito-local/lib/services';
import { CognitoServiceFactoryImpl } from 'cognito-local/lib/services/cognitoService';
import { StormDBDataStoreFactory } from 'cognito-local/lib/services/dataStore/stormDb';
import type { DataStoreFactory } from 'cognito-local/lib/services/dataStore/factory';
import type { DataStore } from 'cognito-local/lib/services/dataStore/dataStore';
import type { User } from 'cognito-local/lib/services/userPoolService';
import type { MessageSender } from 'cognito-local/lib/services/messageDelivery/messageSender';
import { MessageDeliveryService } from 'cognito-local/lib/services/messageDelivery/messageDelivery';
import { otp } from 'cognito-local/lib/services/otp';
import { JwtTokenGenerator } from 'cognito-local/lib/services/tokenGenerator';
import { UserPoolServiceFactoryImpl } from 'cognito-local/lib/services/userPoolService';
import { DefaultConfig } from 'cognito-local/lib/server/config';
import { Router } from 'cognito-local/lib/server/Router';
import { createServer } from 'cognito-local/lib/server/server';
import { hashPassword, isPasswordHash } from './password-hash';
import { srpPoolName } from './srp';

/** An email or SMS Cognito would send (sign-up and reset codes): locally it is handed to a callback. */
export type CognitoMessage = {
  channel: 'email' | 'sms';
  destination: string;
  username: string;
  code?: string;
  subject?: string;
  text?: string;
};

export type CognitoLocal = {
  /** Where its own HTTP API listens, e.g. http://127.0.0.1:43121. */
  url: string;
  /** Its services, for reads the wire API does not offer (the stored password hash) and for GlobalSignOut. */
  services: Services;
  ctx: Context;
  /** Tokens minted from now on carry `iss` = `<issuerDomain>/<poolId>`. */
  setIssuerDomain(issuerDomain: string): void;
  close(): Promise<void>;
};

type PinoLogger = Parameters<typeof createServer>[1];

/** cognito-local logs through pino; its own dependency, resolved from its folder. */
function createLogger(): PinoLogger {
  const fromCognitoLocal = createRequire(createRequire(import.meta.url).resolve('cognito-local'));
  const pino = fromCognitoLocal('pino') as (options: { level: string }) => PinoLogger;
  return pino({ level: 'error' });
}

/**
 * No Lambda triggers run locally (the project's pool defines none). Saying so here keeps cognito-local
 * from loading aws-sdk v2 and KMS just to build clients it would never call.
 */
const noTriggers: Lambda = {
  enabled: () => false,
  invoke: (() => Promise.reject(new Error('Cognito Lambda triggers are not available in the local stack.'))) as never,
};
const noKms = {
  encrypt: () => Promise.reject(new Error('CustomEmailSender (KMS) is not available in the local stack.')),
} as unknown as CryptoService;

function messageSender(onMessage: (message: CognitoMessage) => void): MessageSender {
  const send =
    (channel: CognitoMessage['channel']): MessageSender['sendEmail'] =>
    async (_ctx, user, destination, message) =>
      onMessage({
        channel,
        destination,
        username: user.Username,
        code: message.__code,
        subject: message.emailSubject,
        text: channel === 'email' ? message.emailMessage : message.smsMessage,
      });
  return { sendEmail: send('email'), sendSms: send('sms') };
}

/** What StormDB's file engine holds: its file and how it writes it. */
type StormEngine = { path: string; serialize(data: unknown): string; write(data: unknown): Promise<void> | null };

/**
 * cognito-local's StormDB stores rewrite their JSON file with `fs.writeFile` on every change without waiting
 * for the previous write, so two changes at once (the demo seed's parallel sign-ins) can leave a file
 * with the tail of a longer version after it, unreadable on the next start (stormdb#36). Here each store
 * writes one version at a time, to a temporary file renamed over the old one, and `settled` waits for the
 * last write so that stopping never cuts one short.
 */
function serializedStormDbFactory(directory: string): DataStoreFactory & { settled(): Promise<void> } {
  const stormDb = new StormDBDataStoreFactory(directory);
  const writing = new Set<Promise<void>>();
  return {
    async create(ctx, id, defaults) {
      const store = await stormDb.create(ctx, id, defaults);
      const engine = (store as unknown as { db: { engine: StormEngine } }).db.engine;
      let tail = Promise.resolve();
      engine.write = (data) => {
        const text = engine.serialize(data);
        const written = tail.then(async () => {
          await writeFile(`${engine.path}.tmp`, text);
          await rename(`${engine.path}.tmp`, engine.path);
        });
        const done = written.catch(() => undefined);
        tail = done;
        writing.add(done);
        void done.then(() => writing.delete(done));
        return written;
      };
      return store;
    },
    async settled() {
      while (writing.size > 0) await Promise.all([...writing]);
    },
  };
}

/** cognito-local's app clients live in a store of this name; every other store is one user pool. */
const CLIENTS_STORE = 'clients';

type SettledFactory = DataStoreFactory & { settled(): Promise<void> };

const isUserKey = (key: string | string[]): key is ['Users', string] =>
  Array.isArray(key) && key.length === 2 && key[0] === 'Users';

/**
 * Keeps users' passwords as hashes (password-hash.ts) in every user-pool store. cognito-local writes a user
 * only through `set(['Users', username], user)`; a user whose `Password` is neither the value already stored
 * nor a hash made here gets it hashed before the write, so a new password (sign-up, admin-set, temporary,
 * changed, reset, NEW_PASSWORD_REQUIRED) never reaches the file. Plain-text passwords an earlier version left
 * in a pool are hashed when the pool is opened, that is at start, before any request is served. Writes to
 * one user keep their call order although hashing takes a while; other writes are not held back.
 */
function passwordHashingFactory(inner: SettledFactory, log: (line: string) => void): SettledFactory {
  const madeHere = new Set<string>();
  const hash = async (password: string, poolId: string, username: string) => {
    const hashed = await hashPassword(password, { poolName: srpPoolName(poolId), userIdForSrp: username });
    madeHere.add(hashed);
    return hashed;
  };

  return {
    settled: () => inner.settled(),
    async create(ctx, id, defaults) {
      const store = await inner.create(ctx, id, defaults);
      if (id === CLIENTS_STORE) return store;

      const users = await store.get<Record<string, User>>(ctx, 'Users', {});
      const plain = Object.values(users).filter((u) => typeof u.Password === 'string' && !isPasswordHash(u.Password));
      for (const user of plain) {
        await store.set(ctx, ['Users', user.Username], {
          ...user,
          Password: await hash(user.Password, id, user.Username),
        });
      }
      if (plain.length > 0) log(`[cognito] hashed ${plain.length} plain-text password(s) left in user pool ${id}`);

      // A user's writes keep their call order although hashing takes a while (a change of password must not be
      // overtaken by an older one). Every other write goes straight through, as in cognito-local itself: its
      // read-modify-write of a group's members (AdminAddUserToGroup) is atomic only because nothing awaits
      // between the read and the write; held back behind a hash, concurrent additions to one group lost each other.
      const tails = new Map<string, Promise<unknown>>();
      const inOrder = (key: string, write: () => Promise<void>): Promise<void> => {
        const done = (tails.get(key) ?? Promise.resolve()).then(write);
        const tail = done.catch(() => undefined);
        tails.set(key, tail);
        void tail.then(() => {
          if (tails.get(key) === tail) tails.delete(key);
        });
        return done;
      };
      const withHashedPassword = async (ctx: Parameters<DataStore['get']>[0], user: User): Promise<User> => {
        const password: unknown = user?.Password;
        if (typeof password !== 'string' || madeHere.has(password)) return user;
        const current = await store.get<User>(ctx, ['Users', user.Username]);
        if (current?.Password === password && isPasswordHash(password)) return user;
        return { ...user, Password: await hash(password, id, user.Username) };
      };
      const hashing: DataStore = {
        get: ((ctx: never, key: never, defaultValue?: unknown) =>
          store.get(ctx, key, defaultValue)) as DataStore['get'],
        getRoot: (ctx) => store.getRoot(ctx),
        delete: (ctx, key) => (isUserKey(key) ? inOrder(key[1], () => store.delete(ctx, key)) : store.delete(ctx, key)),
        set: (ctx, key, value) =>
          isUserKey(key)
            ? inOrder(key[1], async () => store.set(ctx, key, await withHashedPassword(ctx, value as User)))
            : store.set(ctx, key, value),
      };
      return hashing;
    },
  };
}

export async function startCognitoLocal(options: {
  dataDir: string;
  issuerDomain: string;
  onMessage: (message: CognitoMessage) => void;
  /** Where start-up notices go (plain-text passwords hashed); console.log by default. */
  log?: (line: string) => void;
}): Promise<CognitoLocal> {
  const logger = createLogger();
  const ctx: Context = { logger };
  const config: Config = {
    ...DefaultConfig,
    TriggerFunctions: {},
    TokenConfig: { IssuerDomain: options.issuerDomain },
    ServerConfig: { port: 0, hostname: '127.0.0.1', development: false, https: false },
  };

  const clock = new DateClock();
  const dataDirectory = `${options.dataDir}/db`;
  const dataStoreFactory = passwordHashingFactory(
    serializedStormDbFactory(dataDirectory),
    options.log ?? ((line) => console.log(line)),
  );
  const cognito = await new CognitoServiceFactoryImpl(
    dataDirectory,
    dataStoreFactory,
    new UserPoolServiceFactoryImpl(clock, dataStoreFactory),
  ).create(ctx, config.UserPoolDefaults);
  const triggers = new TriggersService(clock, cognito, noTriggers, noKms);
  const services: Services = {
    clock,
    cognito,
    config,
    messages: new MessagesService(triggers, new MessageDeliveryService(messageSender(options.onMessage))),
    otp,
    tokenGenerator: new JwtTokenGenerator(clock, triggers, config.TokenConfig),
    triggers,
  };

  const server: Server = await createServer(Router(services), logger, config.ServerConfig, services).start();
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    services,
    ctx,
    setIssuerDomain(issuerDomain) {
      // The token generator holds this very object, so the change applies to the next token minted.
      config.TokenConfig.IssuerDomain = issuerDomain;
    },
    async close() {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      await dataStoreFactory.settled();
    },
  };
}
