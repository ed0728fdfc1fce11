import { defineConfig } from 'vitest/config';

// Four projects, all run by `npm test`: unit tests beside the code, integration tests that start the
// local stack on free ports, template tests of the synthesized cloud, and browser tests in headless Chromium.
export default defineConfig({
  test: {
    // The AWS SDK's "releases after January 2027 need Node 22" notice, off as in `npm start` (src/local/start.ts).
    // The gateway's Cognito hashes passwords at 2^10 rather than 2^14 in the suite's throwaway stacks
    // (src/local/cognito/password-hash.ts): the same code, a sixteenth of the work per demo user.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', COURIER_LOCAL_PASSWORD_COST: '10' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'lambdas/**/*.test.ts', 'mcp-server/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/conversations/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // Template tests of the synthesized cloud, one file per environment; each Amplify synthesis is cached.
          name: 'infra',
          include: ['tests/infra/**/*.test.ts'],
          testTimeout: 120_000,
          // An uncached Amplify synthesis took 5+ minutes at load 16 on two cores (35 s when idle).
          hookTimeout: 600_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/build-web.global.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
