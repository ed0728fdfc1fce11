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
