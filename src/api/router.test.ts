import { beforeEach, describe, expect, it } from 'vitest';
import { appRouter } from './app-router';
import { createApi, Router } from './router';
import { clearMembershipCache } from './principal';
import { INTERNAL_FAILURE_MESSAGE, PublicError } from './public-error';
import type { ApiDeps } from './deps';
import type { Log } from '../observability/telemetry';
import type { Membership, MembershipRepository, PartnerRepository } from '../core/ports';
import type { Partner } from '../core/model';
import { makeWorld, validBookingInput } from '../core/testing/fixtures';
import { appSyncEvent, cognitoIdentity, iamIdentity } from '../../tests/events/appsync-event';

function setup() {
  const world = makeWorld();
  const members = new Map<string, Membership>([
    ['sub-c7', { sub: 'sub-c7', email: 'c7@example.com', displayName: 'Cory', courierId: 'courier-07' }],
    ['sub-acme', { sub: 'sub-acme', email: 'p@example.com', partnerId: 'acme' }],
  ]);
  const memberships: MembershipRepository = {
    put: async (m) => void members.set(m.sub, m),
    get: async (s) => members.get(s),
  };
  const partnerList: Partner[] = [
    { id: 'acme', name: 'Acme', contactEmail: 'p@example.com', createdAt: '2025-01-01T00:00:00Z' },
  ];
  const partners: PartnerRepository = {
    put: async (p) => void partnerList.push(p),
    get: async (id) => partnerList.find((p) => p.id === id),
    list: async () => partnerList,
  };
  const logged: unknown[] = [];
  const log: Log = { info: () => {}, warn: () => {}, error: (_m, d) => void logged.push(d) };
  const deps: ApiDeps = { ...world, partners, memberships, log };
  return { world, deps, logged, api: createApi(appRouter, deps) };
}

beforeEach(() => clearMembershipCache());

describe('createApi', () => {
  it('routes by field name and answers with the core result, presented with display names', async () => {
    // Prepare
    const { api } = setup();
    // Act
    const booking = (await api.resolve(
      appSyncEvent('Mutation', 'bookCourier', validBookingInput(), cognitoIdentity('sub-acme', ['partner'])),
    )) as { partnerId: string; partnerName: string; status: string };
    // Assess
    expect(booking).toMatchObject({ partnerId: 'acme', partnerName: 'Acme', status: 'BOOKED' });
  });

  it('turns a validation error into a PublicError whose message names the field', async () => {
    const { api } = setup();
    const error = await api
      .resolve(
        appSyncEvent(
          'Mutation',
          'bookCourier',
          validBookingInput({ customerPhone: 'x' }),
          cognitoIdentity('sub-acme', ['partner']),
        ),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublicError);
    expect(error).toMatchObject({ name: 'ValidationError' });
    expect((error as Error).message).toContain('customerPhone');
  });

  it('hides a fault behind InternalFailure and logs its detail', async () => {
    const { deps, logged } = setup();
    const broken = new Router().onQuery('me', async () => {
      throw new TypeError('secret internals');
    });
    const error = await createApi(broken, deps)
      .resolve(appSyncEvent('Query', 'me', {}, cognitoIdentity('sub-admin', ['admin'])))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'InternalFailure', message: INTERNAL_FAILURE_MESSAGE });
    expect(String((error as Error).message)).not.toContain('secret');
    expect(logged[0]).toBeInstanceOf(TypeError);
  });

  it('refuses a courier group member without a courier profile', async () => {
    const { api } = setup();
    const error = await api
      .resolve(appSyncEvent('Query', 'me', {}, cognitoIdentity('sub-nobody', ['courier'])))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ForbiddenError' });
  });

  it('describes the caller with their membership name', async () => {
    const { api } = setup();
    const me = await api.resolve(appSyncEvent('Query', 'me', {}, cognitoIdentity('sub-c7', ['courier'])));
    expect(me).toMatchObject({ role: 'COURIER', courierId: 'courier-07', displayName: 'Cory' });
  });
});

describe('live operations', () => {
  it('reserves the publish mutations for IAM callers (the notifier)', async () => {
    const { api } = setup();
    const denied = await api
      .resolve(
        appSyncEvent(
          'Mutation',
          'publishCourierMoved',
          { courierId: 'courier-07' },
          cognitoIdentity('sub-admin', ['admin']),
        ),
      )
      .catch((e: unknown) => e);
    expect(denied).toMatchObject({ name: 'ForbiddenError' });
    const args = { courierId: 'courier-07', lat: 47.6, lng: -122.3, at: '2025-06-10T15:00:00Z' };
    const ok = await api.resolve(
      appSyncEvent(
        'Mutation',
        'publishCourierMoved',
        args,
        iamIdentity('arn:aws:sts::000000000000:assumed-role/notifier'),
      ),
    );
    expect(ok).toEqual(args);
  });

  it('lets couriers and partners subscribe only to their own changes', async () => {
    const { api } = setup();
    const courier = cognitoIdentity('sub-c7', ['courier']);
    await expect(
      api.resolve(appSyncEvent('Subscription', 'onBookingChanged', { courierId: 'courier-07' }, courier)),
    ).resolves.toBeNull();
    await expect(api.resolve(appSyncEvent('Subscription', 'onBookingChanged', {}, courier))).rejects.toMatchObject({
      name: 'ForbiddenError',
    });
    const partner = cognitoIdentity('sub-acme', ['partner']);
    await expect(
      api.resolve(appSyncEvent('Subscription', 'onBookingChanged', { partnerId: 'globex' }, partner)),
    ).rejects.toMatchObject({
      name: 'ForbiddenError',
    });
    await expect(
      api.resolve(appSyncEvent('Subscription', 'onBookingChanged', {}, cognitoIdentity('sub-admin', ['admin']))),
    ).resolves.toBeNull();
  });
});
