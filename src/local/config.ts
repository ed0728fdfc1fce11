// Local mode's configuration: the one place that reads process.env for `npm start`. Every port is
// overridable; fails fast with a list of what is wrong.
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../core/business-calendar';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

const schema = z.object({
  GATEWAY_PORT: port(4566),
  MCP_PORT: port(8787),
  WEB_PORT: port(4000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('.data'),
  DEMO_PASSWORD: z
    .string()
    .min(8, 'DEMO_PASSWORD must have at least 8 characters')
    .regex(/[A-Z]/, 'DEMO_PASSWORD needs an upper-case letter')
    .regex(/[a-z]/, 'DEMO_PASSWORD needs a lower-case letter')
    .regex(/[0-9]/, 'DEMO_PASSWORD needs a digit')
    .regex(/[^A-Za-z0-9]/, 'DEMO_PASSWORD needs a symbol')
    .default('Demo-Courier-2026!'),
  AWS_REGION: z.string().default('us-east-1'),
  COMPANY_TIME_ZONE: z
    .string()
    .refine(isValidTimeZone, 'COMPANY_TIME_ZONE must be an IANA time zone such as America/Los_Angeles')
    .default(DEFAULT_TIME_ZONE),
  MAP_TILE_URL: z
    .string()
    .regex(/\{z\}.*\{x\}.*\{y\}/, 'MAP_TILE_URL must be a tile URL template with {z}, {x} and {y}')
    .optional(),
  SIMULATOR: z.enum(['on', 'off', 'true', 'false', '1', '0'], { message: 'SIMULATOR must be on or off' }).default('on'),
  SIMULATOR_SPEEDUP: z.coerce
    .number()
    .min(1, 'SIMULATOR_SPEEDUP must be at least 1 (real time)')
    .max(1000, 'SIMULATOR_SPEEDUP can be at most 1000')
    .default(10),
  SIMULATOR_TICK_MS: z.coerce
    .number()
    .int()
    .min(250, 'SIMULATOR_TICK_MS must be at least 250 ms')
    .max(60_000, 'SIMULATOR_TICK_MS can be at most 60000 ms')
    .default(2000),
  SIMULATOR_COURIERS: z.coerce.number().int().min(1, 'SIMULATOR_COURIERS must be at least 1').default(25),
  SIMULATOR_FAILURE_RATE: z.coerce
    .number()
    .min(0, 'SIMULATOR_FAILURE_RATE is a fraction from 0 to 1, e.g. 0.05')
    .max(1, 'SIMULATOR_FAILURE_RATE is a fraction from 0 to 1, e.g. 0.05')
    .default(0.05),
  SIMULATOR_NEW_BOOKING_EVERY_S: z.coerce
    .number()
    .min(0, 'SIMULATOR_NEW_BOOKING_EVERY_S is seconds between new bookings, 0 for none')
    .default(180),
});

/** The fleet simulator for `npm start`, or false when SIMULATOR=off. */
export type SimulatorConfig =
  false | { couriers: number; speedUp: number; tickMs: number; failureRate: number; newBookingEveryMs: number | false };

export type LocalConfig = {
  gatewayPort: number;
  webPort: number;
  mcpPort: number;
  host: string;
  dataDir: string;
  demoPassword: string;
  region: string;
  /** The company's IANA time zone (COMPANY_TIME_ZONE). */
  timeZone: string;
  /** Tile URL template for the web app's maps; OpenStreetMap's when unset. */
  mapTileUrl?: string;
  simulator: SimulatorConfig;
};

export function loadLocalConfig(env: NodeJS.ProcessEnv = process.env): LocalConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid local configuration:\n${lines}`);
  }
  const c = parsed.data;
  return {
    gatewayPort: c.GATEWAY_PORT,
    webPort: c.WEB_PORT,
    mcpPort: c.MCP_PORT,
    host: c.HOST,
    dataDir: resolve(c.DATA_DIR),
    demoPassword: c.DEMO_PASSWORD,
    region: c.AWS_REGION,
    timeZone: c.COMPANY_TIME_ZONE,
    simulator: ['off', 'false', '0'].includes(c.SIMULATOR)
      ? false
      : {
          couriers: c.SIMULATOR_COURIERS,
          speedUp: c.SIMULATOR_SPEEDUP,
          tickMs: c.SIMULATOR_TICK_MS,
          failureRate: c.SIMULATOR_FAILURE_RATE,
          newBookingEveryMs: c.SIMULATOR_NEW_BOOKING_EVERY_S === 0 ? false : c.SIMULATOR_NEW_BOOKING_EVERY_S * 1000,
        },
    ...(c.MAP_TILE_URL ? { mapTileUrl: c.MAP_TILE_URL } : {}),
  };
}
