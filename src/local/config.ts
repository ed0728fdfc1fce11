// Local mode's configuration: the one place that reads process.env for `npm start`. Every port is
// overridable; fails fast with a list of what is wrong.
import { resolve } from 'node:path';
import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

const schema = z.object({
  GATEWAY_PORT: port(4566),
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
});

export type LocalConfig = {
  gatewayPort: number;
  webPort: number;
  host: string;
  dataDir: string;
  demoPassword: string;
  region: string;
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
    host: c.HOST,
    dataDir: resolve(c.DATA_DIR),
    demoPassword: c.DEMO_PASSWORD,
    region: c.AWS_REGION,
  };
}
