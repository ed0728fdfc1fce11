import { defineConfig } from 'vitest/config';

// Three projects, all run by `npm test`: unit tests beside the code, integration tests that start the
// local stack on free ports, and browser tests in headless Chromium.
export default defineConfig({
  test: {
    // The AWS SDK's "releases after January 2027 need Node 22" notice, off as in `npm start` (src/local/start.ts).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
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
