// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'cdk.out', '.amplify', '.data', '.tmp', 'dist', 'src/generated', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain core stays pure: no AWS SDK, React, GraphQL or MCP in src/core.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@aws-sdk/*', 'aws-amplify', 'aws-amplify/*', '@aws-amplify/*'],
              message: 'src/core must not import AWS SDKs.',
            },
            {
              group: ['react', 'react-dom', 'graphql', '@apollo/*', 'fastmcp', '@modelcontextprotocol/*'],
              message: 'src/core is framework-free.',
            },
            {
              group: ['**/data/**', '**/api/**', '**/local/**', '**/web/**'],
              message: 'src/core depends on nothing outside itself.',
            },
          ],
        },
      ],
    },
  },
  {
    // The Lambda runtime (configuration, document client, sentiment and admin-notifier wiring) sits below the
    // channels: it imports none of them.
    files: ['src/lambda-runtime/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/api/**',
                '**/voice/**',
                '**/provisioning/**',
                '**/jobs/**',
                '**/integrity/**',
                '**/retention/**',
                '**/local/**',
                '**/web/**',
                '**/mcp-server/**',
              ],
              message: 'src/lambda-runtime sits below the channels and imports none of them.',
            },
          ],
        },
      ],
    },
  },
  {
    // No channel imports the GraphQL API's: each builds what it needs from src/lambda-runtime, src/data, src/core.
    files: ['src/voice/**/*.ts', 'src/provisioning/**/*.ts', 'src/integrity/**/*.ts', 'src/retention/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/api/**'],
              message: 'Import the Lambda runtime from src/lambda-runtime; channels do not import src/api.',
            },
          ],
        },
      ],
    },
  },
  {
    // The web app's zod comes without its JIT (src/web/lib/zod.ts): the Content-Security-Policy refuses eval.
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    ignores: ['src/web/lib/zod.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^zod(/|$)', message: 'Import z from src/web/lib/zod (zod without eval).' }] },
      ],
    },
  },
);
