// The deployed AppSync schema made executable once at start: AppSync's scalars and directives declared, every
// root Query/Mutation field answered by `resolve` with an AppSync Lambda event, authorization on every field.
import {
  Kind,
  buildASTSchema,
  defaultFieldResolver,
  isObjectType,
  parse,
  valueFromASTUntyped,
  type DefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from './graphql-js';
import type { AppSyncResolverEvent } from 'aws-lambda';
import { APPSYNC_DIRECTIVE_SDL, APPSYNC_SCALAR_NAMES, installAppSyncScalars } from './appsync-scalars';
import { notAuthorized, toAppSyncError, type AppSyncLog } from './appsync-errors';
import {
  ROOT_TYPES,
  buildAuthorizationTable,
  isGranted,
  isRootAllowed,
  isRootAllowedFor,
  type AuthMode,
  type AuthorizationTable,
  type IamOperationGrant,
} from './authorization';
import { buildResolverEvent, type RequestContext } from './resolver-event';

export type ResolveFn = (event: AppSyncResolverEvent<Record<string, unknown>>) => Promise<unknown>;

export type ExecutableSchemaOptions = {
  schemaSdl: string;
  authRulesSdl: string;
  resolve: ResolveFn;
  log: AppSyncLog;
  defaultAuthMode?: AuthMode;
  iamGrants?: readonly IamOperationGrant[];
  /** Called after a mutation's resolver succeeded, with its raw result. */
  onMutationResult: (mutationField: string, result: unknown) => void;
};

export type ExecutableSchema = {
  schema: GraphQLSchema;
  authorization: AuthorizationTable;
  /** Mutation field → subscription fields that list it in @aws_subscribe(mutations: …). */
  subscribersOf: ReadonlyMap<string, readonly string[]>;
};

/** The SDL with AppSync's implicit scalars and directives declared, unless it declares them itself. */
export function withAppSyncDeclarations(schemaSdl: string): DefinitionNode[] {
  const doc = parse(schemaSdl);
  const declared = new Set<string>();
  for (const def of doc.definitions) {
    if (def.kind === Kind.SCALAR_TYPE_DEFINITION || def.kind === Kind.DIRECTIVE_DEFINITION)
      declared.add(def.name.value);
  }
  const missing = [
    ...APPSYNC_SCALAR_NAMES.filter((n) => !declared.has(n)).map((n) => `scalar ${n}`),
    ...Object.entries(APPSYNC_DIRECTIVE_SDL)
      .filter(([n]) => !declared.has(n))
      .map(([, sdl]) => sdl),
  ];
  return [...(missing.length > 0 ? parse(missing.join('\n')).definitions : []), ...doc.definitions];
}

export function buildExecutableSchema(options: ExecutableSchemaOptions): ExecutableSchema {
  const schema = buildASTSchema({ kind: Kind.DOCUMENT, definitions: withAppSyncDeclarations(options.schemaSdl) });
  installAppSyncScalars(schema);
  const authorization = buildAuthorizationTable({
    schema,
    authRulesSdl: options.authRulesSdl,
    defaultAuthMode: options.defaultAuthMode,
    iamGrants: options.iamGrants,
  });
  for (const key of authorization.unruled) {
    options.log({ level: 'warn', message: `${key} has no @auth rules: every caller is denied`, field: key });
  }

  const subscribersOf = new Map<string, string[]>();
  const subscriptionType = schema.getSubscriptionType();
  for (const field of Object.values(subscriptionType?.getFields() ?? {})) {
    const directive = field.astNode?.directives?.find((d) => d.name.value === 'aws_subscribe');
    const arg = directive?.arguments?.find((a) => a.name.value === 'mutations');
    const mutations = arg ? valueFromASTUntyped(arg.value) : [];
    for (const mutation of Array.isArray(mutations) ? mutations : [mutations]) {
      if (typeof mutation !== 'string') continue;
      subscribersOf.set(mutation, [...(subscribersOf.get(mutation) ?? []), field.name]);
    }
  }

  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeName = type.name;
    const isRoot = (ROOT_TYPES as readonly string[]).includes(typeName);
    for (const field of Object.values(type.getFields())) {
      const fieldName = field.name;
      if (!isRoot) {
        const grants = authorization.nested(typeName, fieldName);
        if (!grants) continue;
        const inner = field.resolve ?? defaultFieldResolver;
        field.resolve = (source, args, ctx: RequestContext, info) => {
          if (!isGranted(grants, ctx.principal)) throw notAuthorized(fieldName, typeName);
          return inner(source, args, ctx, info);
        };
        continue;
      }
      const checks = authorization.root(typeName, fieldName);
      if (typeName === 'Subscription') {
        // Runs at delivery: the root value is { [field]: the triggering mutation's result }.
        const deliver: GraphQLFieldResolver<Record<string, unknown>, RequestContext> = (source, _args, ctx) => {
          if (!isRootAllowed(checks, ctx.principal)) throw notAuthorized(fieldName, typeName);
          return source[fieldName];
        };
        field.resolve = deliver;
        continue;
      }
      const key = `${typeName}.${fieldName}`;
      const isMutation = typeName === 'Mutation';
      const resolveRoot: GraphQLFieldResolver<unknown, RequestContext, Record<string, unknown>> = async (
        _source,
        args,
        ctx,
        info,
      ) => {
        if (!isRootAllowedFor(checks, ctx.principal, key)) throw notAuthorized(fieldName, typeName);
        let result: unknown;
        try {
          result = await options.resolve(buildResolverEvent(args, info, ctx));
        } catch (e) {
          throw toAppSyncError(e, key, options.log);
        }
        if (isMutation) options.onMutationResult(fieldName, result);
        return result;
      };
      field.resolve = resolveRoot;
    }
  }
  return { schema, authorization, subscribersOf };
}
