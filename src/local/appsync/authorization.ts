// Who may call what, read from the schemas the way AppSync and Amplify decide it: AppSync's mode directives
// (@aws_iam, @aws_api_key, @aws_cognito_user_pools(cognito_groups), @aws_lambda) on every field and type of
// the deployed schema, and Amplify's @auth rules of each custom operation, which its generated resolvers enforce.
import {
  Kind,
  isObjectType,
  parse,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLSchema,
} from './graphql-js';

export type AuthMode = 'apiKey' | 'userPool' | 'iam' | 'lambda';

/** One way in: a mode, optionally narrowed to Cognito groups (any one of them suffices). */
export type Grant = { mode: AuthMode; groups?: readonly string[] };

export type CognitoPrincipal = {
  mode: 'userPool';
  sub: string;
  username: string;
  issuer: string;
  groups: string[];
  claims: Record<string, unknown>;
  tokenUse: 'access' | 'id';
  expiresAt: number;
};

export type IamPrincipal = {
  mode: 'iam';
  accessKeyId: string;
  accountId: string;
  userArn: string;
  username: string;
  /**
   * The fields ("Query.getBooking") an IAM policy grants this principal. Amplify enables IAM authorization
   * mode, under which @auth rules do not apply to IAM principals and their IAM policy decides; absent for
   * the backend functions' principal, which is judged by the rules and `iamGrants`.
   */
  policyFields?: readonly string[];
};

/** A caller the Lambda authorizer admitted (AWS_LAMBDA mode). */
export type LambdaPrincipal = {
  mode: 'lambda';
  /** The authorizer's resolverContext: resolvers see it as identity.resolverContext. */
  resolverContext: Record<string, unknown>;
  /** Fields ("Type.field") the authorizer denied for this caller. */
  deniedFields: readonly string[];
};

/** The caller of one request, as established by authentication. */
export type Principal = { mode: 'apiKey' } | CognitoPrincipal | IamPrincipal | LambdaPrincipal;

/** Which root operation types a backend function's IAM role was granted (Amplify's `allow.resource(fn).to(...)`). */
export type IamOperationGrant = 'query' | 'mutate' | 'listen';

const ROOT_OF_GRANT: Record<IamOperationGrant, string> = {
  query: 'Query',
  mutate: 'Mutation',
  listen: 'Subscription',
};

export const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'] as const;
export type RootTypeName = (typeof ROOT_TYPES)[number];

export function isGranted(grants: readonly Grant[], principal: Principal): boolean {
  for (const grant of grants) {
    if (grant.mode !== principal.mode) continue;
    if (!grant.groups || principal.mode !== 'userPool') return true;
    if (grant.groups.some((g) => principal.groups.includes(g))) return true;
  }
  return false;
}

/**
 * The part of a principal that `isGranted` reads (its mode and, for Cognito, its groups): principals with the
 * same key are granted exactly the same fields, so one result rendered for one of them is right for all.
 */
export function accessKeyOf(principal: Principal): string {
  return principal.mode === 'userPool' ? `userPool:${[...principal.groups].sort().join(',')}` : principal.mode;
}

type AmplifyAuthRule = { allow?: unknown; provider?: unknown; groups?: unknown };

/** One Amplify @auth rule as the AppSync-side grant it produces; undefined for rules with no local mode. */
export function grantOfRule(rule: AmplifyAuthRule): Grant | undefined {
  const provider = typeof rule.provider === 'string' ? rule.provider : undefined;
  const iamProvider = provider === 'identityPool' || provider === 'iam';
  switch (rule.allow) {
    case 'public':
      if (provider === undefined || provider === 'apiKey') return { mode: 'apiKey' };
      return iamProvider ? { mode: 'iam' } : undefined;
    case 'private':
      if (provider === undefined || provider === 'userPools') return { mode: 'userPool' };
      return iamProvider ? { mode: 'iam' } : undefined;
    case 'groups': {
      if (provider !== undefined && provider !== 'userPools') return undefined;
      const groups = Array.isArray(rule.groups) ? rule.groups.filter((g) => typeof g === 'string') : [];
      return { mode: 'userPool', groups };
    }
    case 'custom':
      return provider === undefined || provider === 'function' ? { mode: 'lambda' } : undefined;
    default:
      // owner rules do not apply to custom operations; OIDC has no local authority.
      return undefined;
  }
}

function directiveGrants(directives: readonly ConstDirectiveNode[] | undefined): Grant[] | undefined {
  const modeDirectives = (directives ?? []).filter(
    (d) => d.name.value.startsWith('aws_') && d.name.value !== 'aws_subscribe',
  );
  if (modeDirectives.length === 0) return undefined;
  const grants: Grant[] = [];
  for (const d of modeDirectives) {
    switch (d.name.value) {
      case 'aws_api_key':
        grants.push({ mode: 'apiKey' });
        break;
      case 'aws_iam':
        grants.push({ mode: 'iam' });
        break;
      case 'aws_cognito_user_pools':
      case 'aws_auth': {
        const arg = d.arguments?.find((a) => a.name.value === 'cognito_groups');
        const groups = arg ? valueFromASTUntyped(arg.value) : undefined;
        grants.push(
          Array.isArray(groups) && groups.length > 0
            ? { mode: 'userPool', groups: groups.filter((g): g is string => typeof g === 'string') }
            : { mode: 'userPool' },
        );
        break;
      }
      case 'aws_lambda':
        grants.push({ mode: 'lambda' });
        break;
      default:
        // @aws_oidc: a mode this server does not offer; the field still counts as restricted.
        break;
    }
  }
  return grants;
}

/** The @auth rules of every root field of the pre-transform (model) schema, keyed "Type.field". */
export function readAuthRules(authRulesSdl: string | DocumentNode): Map<string, Grant[]> {
  const doc = typeof authRulesSdl === 'string' ? parse(authRulesSdl, { noLocation: true }) : authRulesSdl;
  const rules = new Map<string, Grant[]>();
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    if (!(ROOT_TYPES as readonly string[]).includes(def.name.value)) continue;
    for (const field of def.fields ?? []) {
      const auth = field.directives?.find((d) => d.name.value === 'auth');
      const rulesArg = auth?.arguments?.find((a) => a.name.value === 'rules');
      if (!rulesArg) continue;
      const raw = valueFromASTUntyped(rulesArg.value);
      const list = (Array.isArray(raw) ? raw : [raw]) as AmplifyAuthRule[];
      const grants = list.map(grantOfRule).filter((g): g is Grant => g !== undefined);
      rules.set(`${def.name.value}.${field.name.value}`, grants);
    }
  }
  return rules;
}

export type AuthorizationOptions = {
  schema: GraphQLSchema;
  authRulesSdl: string;
  /** AppSync's default authorization mode: applies where neither field nor type carries a mode directive. */
  defaultAuthMode?: AuthMode;
  /** Root operation types the configured IAM principal (the backend functions' role) was granted. */
  iamGrants?: readonly IamOperationGrant[];
};

/**
 * The decision table, computed once: for root fields the AppSync directive check and the Amplify rule check
 * must both pass; for nested fields only AppSync's directives apply (as in AppSync, where Amplify's group
 * checks run in the root field's resolver).
 */
export type AuthorizationTable = {
  /** Grants for a root field; an empty list means nobody. */
  root(typeName: string, fieldName: string): readonly Grant[][];
  /** Grants a nested field needs, or undefined when every mode of the API may read it. */
  nested(typeName: string, fieldName: string): readonly Grant[] | undefined;
  /** Root fields the schema has and the rules do not mention (denied to everyone). */
  unruled: readonly string[];
};

export function buildAuthorizationTable(options: AuthorizationOptions): AuthorizationTable {
  const { schema } = options;
  const defaultGrants: Grant[] = [{ mode: options.defaultAuthMode ?? 'userPool' }];
  const rules = readAuthRules(options.authRulesSdl);
  const iamRoots = new Set((options.iamGrants ?? []).map((g) => ROOT_OF_GRANT[g]));
  const rootTable = new Map<string, Grant[][]>();
  const nestedTable = new Map<string, Grant[] | undefined>();
  const unruled: string[] = [];

  const grantsOf = (typeName: string, fieldName: string): Grant[] => {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) return defaultGrants;
    const field = type.getFields()[fieldName];
    const typeDirectives = [type.astNode, ...type.extensionASTNodes].flatMap((n) => n?.directives ?? []);
    return directiveGrants(field?.astNode?.directives) ?? directiveGrants(typeDirectives) ?? defaultGrants;
  };

  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const isRoot = (ROOT_TYPES as readonly string[]).includes(type.name);
    for (const fieldName of Object.keys(type.getFields())) {
      const key = `${type.name}.${fieldName}`;
      const byDirective = grantsOf(type.name, fieldName);
      if (isRoot) {
        const byRule = [...(rules.get(key) ?? [])];
        if (!rules.has(key)) unruled.push(key);
        if (iamRoots.has(type.name)) byRule.push({ mode: 'iam' });
        rootTable.set(key, [byDirective, byRule]);
      } else {
        const open = (['apiKey', 'userPool', 'iam', 'lambda'] as const).every((mode) =>
          byDirective.some((g) => g.mode === mode && !g.groups),
        );
        nestedTable.set(key, open ? undefined : byDirective);
      }
    }
  }

  return {
    root: (typeName, fieldName) => rootTable.get(`${typeName}.${fieldName}`) ?? [[]],
    nested: (typeName, fieldName) => nestedTable.get(`${typeName}.${fieldName}`),
    unruled,
  };
}

/** Whether a principal passes every grant list of a root field. */
export function isRootAllowed(checks: readonly Grant[][], principal: Principal): boolean {
  return checks.every((grants) => isGranted(grants, principal));
}

/**
 * The decision for one root field and caller: an IAM principal with a policy is judged by AppSync's directive
 * and its policy (Amplify's IAM authorization mode); a Lambda-authorized caller also by its denied fields.
 */
export function isRootAllowedFor(checks: readonly Grant[][], principal: Principal, key: string): boolean {
  if (principal.mode === 'iam' && principal.policyFields) {
    return isGranted(checks[0] ?? [], principal) && principal.policyFields.includes(key);
  }
  if (principal.mode === 'lambda' && principal.deniedFields.includes(key)) return false;
  return isRootAllowed(checks, principal);
}
