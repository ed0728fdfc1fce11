// zod for the web app: its mini build, without its JIT. Compiling parsers with `new Function` needs the policy's
// 'unsafe-eval', which the app's Content-Security-Policy refuses (src/web/security-headers.ts); even zod's probe for
// it is reported as a violation. Modules import z from here, so the setting comes before any schema is made.
import { z } from 'zod/v4-mini';

z.config({ jitless: true });

export { z };
