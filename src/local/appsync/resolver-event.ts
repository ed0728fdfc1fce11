// The event AppSync sends a direct Lambda resolver, built from a graphql-js resolve call, so the api router
// runs locally on exactly what it receives in the cloud.
import {
  Kind,
  print,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from './graphql-js';
import type {
  AppSyncIdentity,
  AppSyncIdentityCognito,
  AppSyncIdentityIAM,
  AppSyncIdentityLambda,
  AppSyncResolverEvent,
} from 'aws-lambda';
import type { Principal } from './authorization';

/** What a request brings besides its GraphQL: the caller, its headers and address. */
export type RequestContext = {
  principal: Principal;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  sourceIp: string;
};

export function appSyncIdentity(principal: Principal, sourceIp: string): AppSyncIdentity {
  switch (principal.mode) {
    case 'apiKey':
      return null;
    case 'userPool': {
      const identity: AppSyncIdentityCognito = {
        sub: principal.sub,
        issuer: principal.issuer,
        username: principal.username,
        claims: principal.claims,
        sourceIp: [sourceIp],
        defaultAuthStrategy: 'ALLOW',
        groups: principal.groups.length > 0 ? principal.groups : null,
      };
      return identity;
    }
    case 'iam': {
      // AppSync sends null for the Cognito identity-pool fields of a plain IAM principal.
      const identity = {
        accountId: principal.accountId,
        cognitoIdentityPoolId: null,
        cognitoIdentityId: null,
        sourceIp: [sourceIp],
        username: principal.username,
        userArn: principal.userArn,
        cognitoIdentityAuthType: null,
        cognitoIdentityAuthProvider: null,
      };
      return identity as unknown as AppSyncIdentityIAM;
    }
    case 'lambda': {
      const identity: AppSyncIdentityLambda = { resolverContext: principal.resolverContext };
      return identity;
    }
  }
}

type SelectionInfo = { selectionSetList: string[]; selectionSetGraphQL: string };

/** Per field node of a cached document: the same query text yields the same nodes, so this is computed once. */
const selectionCache = new WeakMap<FieldNode, SelectionInfo>();

function collectPaths(
  set: SelectionSetNode | undefined,
  prefix: string,
  fragments: Record<string, FragmentDefinitionNode>,
  out: string[],
  seen: Set<string>,
): void {
  if (!set) return;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name.startsWith('__')) continue;
      const path = prefix ? `${prefix}/${name}` : name;
      if (!seen.has(path)) {
        seen.add(path);
        out.push(path);
      }
      collectPaths(selection.selectionSet, path, fragments, out, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectPaths(selection.selectionSet, prefix, fragments, out, seen);
    } else {
      collectPaths(fragments[selection.name.value]?.selectionSet, prefix, fragments, out, seen);
    }
  }
}

export function selectionInfo(fieldNode: FieldNode, fragments: Record<string, FragmentDefinitionNode>): SelectionInfo {
  const cached = selectionCache.get(fieldNode);
  if (cached) return cached;
  const selectionSetList: string[] = [];
  collectPaths(fieldNode.selectionSet, '', fragments, selectionSetList, new Set());
  const info = {
    selectionSetList,
    selectionSetGraphQL: fieldNode.selectionSet ? print(fieldNode.selectionSet) : '',
  };
  selectionCache.set(fieldNode, info);
  return info;
}

export function buildResolverEvent(
  args: Record<string, unknown>,
  info: Pick<GraphQLResolveInfo, 'fieldName' | 'parentType' | 'fieldNodes' | 'fragments' | 'variableValues'>,
  request: RequestContext,
): AppSyncResolverEvent<Record<string, unknown>> {
  const fieldNode = info.fieldNodes[0];
  const selection = fieldNode
    ? selectionInfo(fieldNode, info.fragments)
    : { selectionSetList: [], selectionSetGraphQL: '' };
  return {
    arguments: { ...args },
    identity: appSyncIdentity(request.principal, request.sourceIp),
    source: null,
    request: { headers: request.headers, domainName: null },
    info: {
      fieldName: info.fieldName,
      parentTypeName: info.parentType.name,
      variables: info.variableValues,
      selectionSetList: selection.selectionSetList,
      selectionSetGraphQL: selection.selectionSetGraphQL,
    },
    prev: null,
    stash: {},
  };
}
