import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../core/errors';
import type { Deployment } from '../provisioning/deployment';
import { parseDeploymentSettings } from '../provisioning/deployment';
import { createDeploymentRepository } from './deployment-repository';
import { startTestTables, type TestTables } from './test-tables';

let db: TestTables;
let counter = 0;

beforeAll(async () => {
  db = await startTestTables();
});
afterAll(async () => {
  await db.close();
});

function makeDeployment(overrides: Partial<Deployment> = {}): Deployment {
  const at = overrides.createdAt ?? '2025-06-10T15:00:00.000Z';
  return {
    id: `dep-${++counter}`,
    instanceId: 'inst-1',
    settings: parseDeploymentSettings({ instanceId: 'inst-1' }),
    status: 'PENDING',
    steps: [{ key: 'bot-role', title: 'Bot IAM role', status: 'PENDING', resources: [], outputs: {} }],
    createdBy: { type: 'ADMIN', id: 'sub-admin' },
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...overrides,
  };
}

describe('deployment repository', () => {
  it('stores a deployment and reads back exactly what was stored, without the list attribute', async () => {
    // Prepare
    const repo = createDeploymentRepository(db.local.doc, db.names.deployments);
    const deployment = makeDeployment();

    // Act
    await repo.create(deployment);
    const read = await repo.get(deployment.id);
    const raw = await db.local.doc.send(
      new GetCommand({ TableName: db.names.deployments, Key: { id: deployment.id } }),
    );

    // Assess
    expect(read).toEqual(deployment);
    expect(raw.Item?.list).toBe('deployments');
    await expect(repo.create(deployment)).rejects.toBeInstanceOf(ConflictError);
    expect(await repo.get('missing')).toBeUndefined();
  });

  it('updates step state with optimistic versions and refuses a stale write', async () => {
    // Prepare
    const repo = createDeploymentRepository(db.local.doc, db.names.deployments);
    const deployment = makeDeployment();
    await repo.create(deployment);
    const running: Deployment = {
      ...deployment,
      status: 'RUNNING',
      steps: [
        {
          ...deployment.steps[0]!,
          status: 'SUCCEEDED',
          resources: [{ kind: 'iamRole', name: 'r', id: 'r', arn: 'arn:aws:iam::1:role/r', created: true }],
          outputs: { roleArn: 'arn:aws:iam::1:role/r' },
        },
      ],
    };

    // Act
    const stored = await repo.update(running, 1);
    const stale = repo.update({ ...running, status: 'FAILED' }, 1);

    // Assess
    expect(stored.version).toBe(2);
    expect(await repo.get(deployment.id)).toEqual(stored);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(repo.update(makeDeployment({ id: 'never-created' }), 1)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists deployments newest first, page by page', async () => {
    // Prepare
    const tables = await startTestTables();
    const repo = createDeploymentRepository(tables.local.doc, tables.names.deployments);
    const days = ['2025-06-01', '2025-06-03', '2025-06-02'];
    for (const day of days) await repo.create(makeDeployment({ id: `list-${day}`, createdAt: `${day}T10:00:00.000Z` }));

    // Act
    const first = await repo.list({ limit: 2 });
    const second = await repo.list({ limit: 2, nextToken: first.nextToken });
    await tables.close();

    // Assess
    expect(first.items.map((d) => d.id)).toEqual(['list-2025-06-03', 'list-2025-06-02']);
    expect(second.items.map((d) => d.id)).toEqual(['list-2025-06-01']);
    expect(second.nextToken).toBeUndefined();
  });
});
