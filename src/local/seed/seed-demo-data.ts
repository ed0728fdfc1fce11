// Writes the demo company into an empty system: partners, couriers, bookings and feedback through the
// repositories, signature images into the proof-of-delivery bucket, and the demo sign-ins through Cognito
// (linked to their courier or partner).
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { ApiDeps } from '../../api/deps';
import type { ProofStore } from '../../core/ports';
import { ensureUser } from '../cognito/provision-user-pool';
import { generateDemoCompany, type DemoSignature } from './demo-company';
import { seededRandom } from '../../core/seeded-random';
import { updateCompanySettings, type CompanyRules } from '../../core/company-settings';
import { setRateCard } from '../../core/rate-card';
import { generateDemoCalls } from './demo-calls';
import type { ConversationRepository } from '../../data/conversation-repository';

export const DEMO_SEED = 2026;

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

/** The demo company's rules: its seeded pickups (9 AM to 4:30 PM) keep to them. */
export const DEMO_RULES: CompanyRules = {
  serviceArea: ['981'],
  collectionDays: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'],
  collectionHours: { open: '08:00', close: '18:00' },
  sameDayCutoff: '16:00',
  maxWeightKg: 30,
  maxOversizedWeightKg: 150,
  largestSize: 'OVERSIZED',
  // Any one of a signature, a photo or the recipient's name, as most couriers' customers accept.
  requiredProof: [],
};

/** The demo company's courier rate card: per delivery, per km, size and weight surcharges (Req 12.4). */
export const DEMO_RATE_CARD = {
  currency: 'USD',
  perDelivery: 4.5,
  perKm: 0.6,
  sizeSurcharges: [
    { size: 'LARGE', amount: 1.5 },
    { size: 'OVERSIZED', amount: 6 },
  ],
  weightSurcharges: [
    { overKg: 10, amount: 1 },
    { overKg: 25, amount: 3 },
  ],
};

/** Seeds when the demo partner is absent; returns whether it seeded. */
export async function seedDemoData(options: {
  deps: ApiDeps;
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
  password: string;
  now: Date;
  /** Where the demo's past phone calls go (the bot's performance figures); none when absent. */
  conversations?: Pick<ConversationRepository, 'put'>;
  log: (line: string) => void;
  /**
   * 'demo' (default): Seattle's ZIP codes, collection every day 8 AM to 6 PM, same-day bookings until 4 PM.
   * 'unrestricted': no rules set (around the clock), for tests that book at whatever hour they run.
   */
  rules?: 'demo' | 'unrestricted';
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
  if (options.rules !== 'unrestricted') {
    // The demo company's rules, set as its admin would set them on the settings page (and so audited).
    await updateCompanySettings(
      { rules: DEMO_RULES, expectedVersion: 0 },
      { role: 'ADMIN', sub: admin.sub, name: 'Demo Admin' },
      deps,
    );
  }

  // The demo rate card, set by the admin ninety days ago (so every seeded delivery has earnings), as on the
  // admin's rate card page.
  await setRateCard(
    { rates: DEMO_RATE_CARD, expectedVersion: 0 },
    { role: 'ADMIN', sub: admin.sub, name: 'Demo Admin' },
    { ...deps, clock: { now: () => new Date(options.now.getTime() - 90 * 86_400_000) } },
  );

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
      const { conversations } = options;
      if (conversations) {
        const calls = generateDemoCalls({ ...company, now: options.now, calendar: deps.calendar });
        await inBatches(calls, 16, (c) => conversations.put(c));
      }
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
