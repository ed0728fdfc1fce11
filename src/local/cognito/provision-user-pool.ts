// Creates the user pool, app client, groups and users the app expects, through the Cognito API only, so the
// same steps work against the local gateway and a real account. Every step finds before it creates.
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UserNotFoundException,
  type AttributeType,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';

export type UserPoolSpec = { poolName: string; clientName: string; groups: string[] };
export type ProvisionedUserPool = { userPoolId: string; userPoolClientId: string };
export type UserSpec = { email: string; password: string; groups: string[]; name?: string };

/** Amplify Gen 2's defineAuth defaults: 8 characters with upper, lower, digit and symbol. */
const PASSWORD_POLICY = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 3,
};

async function findUserPoolId(client: CognitoIdentityProviderClient, poolName: string): Promise<string | undefined> {
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }));
    const found = page.UserPools?.find((pool) => pool.Name === poolName);
    if (found?.Id) return found.Id;
    NextToken = page.NextToken;
  } while (NextToken);
  return undefined;
}

async function findClientId(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  clientName: string,
): Promise<string | undefined> {
  let NextToken: string | undefined;
  do {
    const page = await client.send(
      new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60, NextToken }),
    );
    const found = page.UserPoolClients?.find((c) => c.ClientName === clientName);
    if (found?.ClientId) return found.ClientId;
    NextToken = page.NextToken;
  } while (NextToken);
  return undefined;
}

async function listGroupNames(client: CognitoIdentityProviderClient, userPoolId: string): Promise<Set<string>> {
  const names = new Set<string>();
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListGroupsCommand({ UserPoolId: userPoolId, Limit: 60, NextToken }));
    for (const group of page.Groups ?? []) if (group.GroupName) names.add(group.GroupName);
    NextToken = page.NextToken;
  } while (NextToken);
  return names;
}

/**
 * Ensures a pool shaped like Amplify Gen 2's `defineAuth({ loginWith: { email: true } })`: email is the
 * username, verified automatically; a public app client (no secret) allowing SRP, password and refresh.
 */
export async function provisionUserPool(
  client: CognitoIdentityProviderClient,
  spec: UserPoolSpec,
): Promise<ProvisionedUserPool> {
  let userPoolId = await findUserPoolId(client, spec.poolName);
  if (!userPoolId) {
    const created = await client.send(
      new CreateUserPoolCommand({
        PoolName: spec.poolName,
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        UsernameConfiguration: { CaseSensitive: false },
        Policies: { PasswordPolicy: PASSWORD_POLICY },
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
        MfaConfiguration: 'OFF',
      }),
    );
    userPoolId = created.UserPool?.Id;
    if (!userPoolId) throw new Error(`CreateUserPool returned no id for ${spec.poolName}`);
  }

  let userPoolClientId = await findClientId(client, userPoolId, spec.clientName);
  if (!userPoolClientId) {
    const created = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: spec.clientName,
        GenerateSecret: false,
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: true,
        AccessTokenValidity: 60,
        IdTokenValidity: 60,
        RefreshTokenValidity: 30,
        TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      }),
    );
    userPoolClientId = created.UserPoolClient?.ClientId;
    if (!userPoolClientId) throw new Error(`CreateUserPoolClient returned no id for ${spec.clientName}`);
  }

  const existing = await listGroupNames(client, userPoolId);
  for (const group of spec.groups) {
    if (!existing.has(group)) await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: group }));
  }
  return { userPoolId, userPoolClientId };
}

function attribute(attributes: AttributeType[] | undefined, name: string): string | undefined {
  return attributes?.find((a) => a.Name === name)?.Value;
}

/**
 * Ensures a confirmed user who can sign in with `email` and `password` straight away (a permanent
 * password, so no NEW_PASSWORD_REQUIRED), in at least the given groups. Returns the pool's username
 * for the user (a UUID in email-username pools) and its `sub`.
 */
export async function ensureUser(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  spec: UserSpec,
): Promise<{ sub: string; username: string }> {
  let username: string | undefined;
  let attributes: AttributeType[] | undefined;
  try {
    const found = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: spec.email }));
    username = found.Username;
    attributes = found.UserAttributes;
    if (spec.name !== undefined && attribute(attributes, 'name') !== spec.name) {
      await client.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: userPoolId,
          Username: spec.email,
          UserAttributes: [{ Name: 'name', Value: spec.name }],
        }),
      );
    }
  } catch (error) {
    if (!(error instanceof UserNotFoundException)) throw error;
    const created = await client.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: spec.email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: spec.email },
          { Name: 'email_verified', Value: 'true' },
          ...(spec.name !== undefined ? [{ Name: 'name', Value: spec.name }] : []),
        ],
      }),
    );
    username = created.User?.Username;
    attributes = created.User?.Attributes;
  }
  const sub = attribute(attributes, 'sub');
  if (!username || !sub) throw new Error(`Cognito returned no username or sub for ${spec.email}`);

  await client.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: userPoolId,
      Username: username,
      Password: spec.password,
      Permanent: true,
    }),
  );

  const memberOf = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: username }));
  const current = new Set((memberOf.Groups ?? []).map((g) => g.GroupName));
  for (const group of spec.groups) {
    if (!current.has(group)) {
      await client.send(
        new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: group }),
      );
    }
  }
  return { sub, username };
}
