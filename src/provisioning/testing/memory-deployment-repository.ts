// An in-memory DeploymentRepository for the engine's tests, keeping the DynamoDB one's contract: conditional
// create, optimistic versions, newest first, and copies in and out (no shared references).
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors';
import type { Deployment, DeploymentRepository } from '../deployment';

export type MemoryDeploymentRepository = DeploymentRepository & { writes: number };

const copy = (d: Deployment): Deployment => JSON.parse(JSON.stringify(d)) as Deployment;

export function createMemoryDeploymentRepository(): MemoryDeploymentRepository {
  const items = new Map<string, Deployment>();
  const repo: MemoryDeploymentRepository = {
    writes: 0,
    async create(deployment) {
      if (items.has(deployment.id)) throw new ConflictError(`Deployment ${deployment.id} already exists.`);
      items.set(deployment.id, copy(deployment));
      repo.writes++;
    },
    async get(id) {
      const d = items.get(id);
      return d ? copy(d) : undefined;
    },
    async list(page) {
      const sorted = [...items.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      const offset = page.nextToken === undefined ? 0 : Number(page.nextToken);
      if (!Number.isInteger(offset) || offset < 0)
        throw new ValidationError('nextToken is not one we issued.', { field: 'nextToken' });
      const slice = sorted.slice(offset, offset + page.limit).map(copy);
      return offset + page.limit < sorted.length
        ? { items: slice, nextToken: String(offset + page.limit) }
        : { items: slice };
    },
    async update(deployment, expectedVersion) {
      const current = items.get(deployment.id);
      if (!current) throw new NotFoundError(`Deployment ${deployment.id} does not exist.`);
      if (current.version !== expectedVersion)
        throw new ConflictError(`Deployment ${deployment.id} was changed by someone else.`);
      const stored = copy({ ...deployment, version: expectedVersion + 1 });
      items.set(stored.id, stored);
      repo.writes++;
      return copy(stored);
    },
  };
  return repo;
}
