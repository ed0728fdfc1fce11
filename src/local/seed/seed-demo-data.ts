// Writes the demo company into an empty system: partners, couriers, bookings and feedback through the
// repositories, signature images into the proof-of-delivery bucket, and the demo sign-ins through Cognito
// (linked to their courier or partner).
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { ApiDeps } from '../../api/deps';
import type { ProofStore } from '../../core/ports';
import { ensureUser } from '../cognito/provision-user-pool';
import { generateDemoCompany, type DemoSignature } from './demo-company';
import { seededRandom } from '../../core/seeded-random';

export const DEMO_SEED = 2026;

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

/** Seeds when the demo partner is absent; returns whether it seeded. */
export async function seedDemoData(options: {
  deps: ApiDeps;
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
  password: string;
  now: Date;
  log: (line: string) => void;
}): Promise<boolean> {
  const { deps, cognito, userPoolId, password } = options;
  if (await deps.partners.get('acme')) return false;
  const started = Date.now();

  const company = await generateDemoCompany({
    now: options.now,
    random: seededRandom(DEMO_SEED),
    sentiment: deps.sentiment,
    calendar: deps.calendar,
  });

  const admin = await ensureUser(cognito, userPoolId, {
    email: 'admin@example.com',
    password,
    groups: ['admin'],
    name: 'Demo Admin',
  });
  await deps.memberships.put({ sub: admin.sub, email: 'admin@example.com', displayName: 'Demo Admin' });

  const partnerUsers = [
    { email: 'partner@example.com', partnerId: 'acme', displayName: 'Acme integrations' },
    { email: 'partner2@example.com', partnerId: 'globex', displayName: 'Globex integrations' },
  ];
  for (const p of company.partners) await deps.partners.put(p);
  for (const u of partnerUsers) {
    const user = await ensureUser(cognito, userPoolId, { email: u.email, password, groups: ['partner'] });
    await deps.memberships.put({ sub: user.sub, email: u.email, displayName: u.displayName, partnerId: u.partnerId });
  }

  await inBatches(company.couriers, 5, async (courier) => {
    const user = await ensureUser(cognito, userPoolId, {
      email: courier.email,
      password,
      groups: ['courier'],
      name: courier.name,
    });
    await deps.couriers.put({ ...courier, userSub: user.sub });
    await deps.memberships.put({
      sub: user.sub,
      email: courier.email,
      displayName: courier.name,
      courierId: courier.id,
    });
  });

  // Signatures go to S3 while the bookings go to DynamoDB: neither waits for the other.
  const { proofs } = deps;
  await Promise.all([
    (async () => {
      await inBatches(company.bookings, 16, (b) => deps.bookings.create(b));
      await inBatches(company.feedback, 16, (f) => deps.feedback.create(f));
    })(),
    proofs ? inBatches(company.signatures, 8, (signature) => uploadSignature(proofs, signature)) : undefined,
  ]);

  options.log(
    `Seeded ${company.couriers.length} couriers, ${company.partners.length} partners, ${company.bookings.length} bookings, ` +
      `${company.feedback.length} feedback entries, ${deps.proofs ? company.signatures.length : 0} signatures and ${company.couriers.length + 3} sign-ins in ${((Date.now() - started) / 1000).toFixed(1)}s`,
  );
  return true;
}

/** Through a presigned upload, as the courier app stores a signature. */
async function uploadSignature(proofs: ProofStore, signature: DemoSignature): Promise<void> {
  const target = await proofs.uploadTarget(signature.key, 'image/svg+xml');
  const response = await fetch(target.url, { method: 'PUT', headers: target.headers, body: signature.svg });
  if (!response.ok) {
    throw new Error(
      `Uploading the demo signature ${signature.key} failed: ${response.status} ${await response.text()}`,
    );
  }
}
