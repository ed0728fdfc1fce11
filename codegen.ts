// graphql-codegen: typed operations (web app, MCP server, tests, stream notifier) and resolver
// signatures (src/api), both from the synthesized AppSync schema. `npm run codegen [-- --check]`.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';
import type { CodegenPlugin } from '@graphql-codegen/plugin-helpers';
import { Kind, type OperationDefinitionNode } from 'graphql';

/** AppSync scalars travel as JSON strings (ISO dates, JSON text, e-mail, URL, phone, IP) or epoch numbers. */
const APPSYNC_SCALARS = {
  ...Object.fromEntries(
    ['AWSDate', 'AWSTime', 'AWSDateTime', 'AWSEmail', 'AWSJSON', 'AWSURL', 'AWSPhone', 'AWSIPAddress'].map((name) => [
      name,
      'string',
    ]),
  ),
  AWSTimestamp: 'number',
};

const KIND_SUFFIX = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' } as const;

/**
 * aws-amplify infers `variables` and result types only from its branded strings (`GeneratedQuery<I, O>`
 * and friends, the shape Amplify's own codegen emits), not from TypedDocumentString objects, which it
 * cannot even parse (`typeof query !== 'string'`). So each operation also gets a branded string named
 * after its field: `client.graphql({ query: bookCourier, variables })` is fully typed.
 */
const amplifyOperations: CodegenPlugin = {
  plugin: (_schema, documents) => {
    const operations = documents
      .flatMap((file) => file.document?.definitions ?? [])
      .filter((def): def is OperationDefinitionNode => def.kind === Kind.OPERATION_DEFINITION && Boolean(def.name))
      .map((def) => {
        const name = def.name!.value;
        const kind = KIND_SUFFIX[def.operation];
        const constName = name.charAt(0).toLowerCase() + name.slice(1);
        return `export const ${constName} = ${name}Document.toString() as Generated${kind}<${name}${kind}Variables, ${name}${kind}>;`;
      });
    const brands = (['Query', 'Mutation', 'Subscription'] as const).map(
      (kind) =>
        `export type Generated${kind}<InputType, OutputType> = string & { __generated${kind}Input: InputType; __generated${kind}Output: OutputType };`,
    );
    return { content: ['', ...brands, '', ...operations, ''].join('\n') };
  },
};

const requireFromRoot = createRequire(join(process.cwd(), 'package.json'));

const shared = { scalars: APPSYNC_SCALARS, strictScalars: true, enumsAsTypes: true, useTypeImports: true };

const config: CodegenConfig = {
  overwrite: true,
  schema: ['graphql/appsync.graphql', 'graphql/schema.graphql'],
  documents: ['graphql/operations/*.graphql'],
  pluginLoader: async (name: string) => (name === 'amplify-operations' ? amplifyOperations : requireFromRoot(name)),
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node', 'amplify-operations'],
      config: { ...shared, documentMode: 'string' },
    },
    'src/generated/resolvers.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: shared,
    },
  },
};

export default config;
