// graphql-js, always as the single CommonJS instance that @apollo/server loads. A bare 'graphql' import
// resolves to index.mjs under Vite/vitest but to index.js under Node, and graphql-js refuses objects from
// the other copy ("Cannot use GraphQLSchema from another module or realm").
export * from 'graphql/index.js';
