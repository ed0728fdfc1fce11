// Event factories for AppSync direct-Lambda resolver events (Powertools' tests/events style).
import type { AppSyncIdentity, AppSyncResolverEvent } from 'aws-lambda';

type Parent = 'Query' | 'Mutation' | 'Subscription';

export function appSyncEvent(
  parentTypeName: Parent,
  fieldName: string,
  args: Record<string, unknown>,
  identity: AppSyncIdentity | null = null,
): AppSyncResolverEvent<Record<string, unknown>> {
  return {
    arguments: args,
    identity,
    source: null,
    request: { headers: {}, domainName: null },
    info: { fieldName, parentTypeName, variables: args, selectionSetList: [], selectionSetGraphQL: '' },
    prev: null,
    stash: {},
  } as unknown as AppSyncResolverEvent<Record<string, unknown>>;
}

export function cognitoIdentity(sub: string, groups: string[], email?: string): AppSyncIdentity {
  return {
    sub,
    username: sub,
    issuer: 'http://localhost:4566/us-east-1_test',
    groups,
    claims: { sub, 'cognito:groups': groups, ...(email ? { email } : {}) },
    sourceIp: ['127.0.0.1'],
    defaultAuthStrategy: 'ALLOW',
  } as AppSyncIdentity;
}

export function iamIdentity(userArn: string): AppSyncIdentity {
  return {
    accountId: '000000000000',
    userArn,
    username: 'AROAEXAMPLE:stream-notifier',
    sourceIp: ['127.0.0.1'],
    cognitoIdentityPoolId: null,
    cognitoIdentityId: null,
    cognitoIdentityAuthType: null,
    cognitoIdentityAuthProvider: null,
    userArn_: undefined,
  } as unknown as AppSyncIdentity;
}
