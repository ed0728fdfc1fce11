import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  EntityAlreadyExistsException,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  NoSuchEntityException,
  PutRolePolicyCommand,
  DeleteConflictException,
} from '@aws-sdk/client-iam';
import { createIamEmulator } from './iam-emulator';

const file = join(mkdtempSync(join(tmpdir(), 'iam-')), 'iam.json');
const server = setupServer();
const iam = new IAMClient({
  endpoint: 'https://iam.emulator.test',
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local' },
  maxAttempts: 1,
});
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lexv2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('local IAM', () => {
  it('creates a role once, reads it back with its trust policy, and keeps it across a restart', async () => {
    // Prepare
    server.use(...createIamEmulator({ file }).handlers);

    // Act
    const created = await iam.send(
      new CreateRoleCommand({ RoleName: 'courier-bot-role', AssumeRolePolicyDocument: TRUST }),
    );
    const twice = iam.send(new CreateRoleCommand({ RoleName: 'courier-bot-role', AssumeRolePolicyDocument: TRUST }));
    await expect(twice).rejects.toBeInstanceOf(EntityAlreadyExistsException);
    server.resetHandlers(...createIamEmulator({ file }).handlers);
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'courier-bot-role' }));

    // Assess
    expect(created.Role?.Arn).toBe('arn:aws:iam::000000000000:role/courier-bot-role');
    expect(Role?.RoleId).toBe(created.Role?.RoleId);
    expect(JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!))).toEqual(JSON.parse(TRUST));
  });

  it('keeps inline policies and refuses to delete a role that still has one', async () => {
    // Prepare
    server.use(...createIamEmulator().handlers);
    await iam.send(new CreateRoleCommand({ RoleName: 'r1', AssumeRolePolicyDocument: TRUST }));
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'polly:*', Resource: '*' }],
    });

    // Act
    await iam.send(new PutRolePolicyCommand({ RoleName: 'r1', PolicyName: 'speech', PolicyDocument: policy }));
    const read = await iam.send(new GetRolePolicyCommand({ RoleName: 'r1', PolicyName: 'speech' }));
    const blocked = iam.send(new DeleteRoleCommand({ RoleName: 'r1' }));
    await expect(blocked).rejects.toBeInstanceOf(DeleteConflictException);
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'r1', PolicyName: 'speech' }));
    await iam.send(new DeleteRoleCommand({ RoleName: 'r1' }));
    const gone = iam.send(new GetRoleCommand({ RoleName: 'r1' }));

    // Assess
    expect(JSON.parse(decodeURIComponent(read.PolicyDocument!))).toEqual(JSON.parse(policy));
    await expect(gone).rejects.toBeInstanceOf(NoSuchEntityException);
  });
});
