import { describe, expect, it } from 'vitest';
import { grantOfRule, isGranted, isRootAllowedFor, readAuthRules, type Principal } from './authorization';
import { generateAuthRulesSdl } from './model-schema';

const user = (groups: string[]): Principal => ({
  mode: 'userPool',
  sub: 's',
  username: 'u',
  issuer: 'i',
  groups,
  claims: {},
  tokenUse: 'access',
  expiresAt: Date.now() + 60_000,
});
const iam: Principal = { mode: 'iam', accessKeyId: 'A', accountId: '0', userArn: 'arn', username: 'A' };
const apiKey: Principal = { mode: 'apiKey' };

describe('Amplify @auth rules as grants', () => {
  it('maps each rule kind to the AppSync mode that carries it', () => {
    // Act
    const grants = [
      grantOfRule({ allow: 'public' }),
      grantOfRule({ allow: 'public', provider: 'apiKey' }),
      grantOfRule({ allow: 'public', provider: 'identityPool' }),
      grantOfRule({ allow: 'private' }),
      grantOfRule({ allow: 'private', provider: 'iam' }),
      grantOfRule({ allow: 'groups', groups: ['admin'] }),
      grantOfRule({ allow: 'custom' }),
      grantOfRule({ allow: 'private', provider: 'oidc' }),
    ];

    // Assess
    expect(grants).toEqual([
      { mode: 'apiKey' },
      { mode: 'apiKey' },
      { mode: 'iam' },
      { mode: 'userPool' },
      { mode: 'iam' },
      { mode: 'userPool', groups: ['admin'] },
      { mode: 'lambda' },
      undefined,
    ]);
  });

  it('lets a group grant through only members of one of its groups', () => {
    // Prepare
    const grants = [{ mode: 'userPool' as const, groups: ['admin', 'courier'] }];

    // Act
    const decisions = [user(['courier']), user(['partner']), user([]), apiKey, iam].map((p) => isGranted(grants, p));

    // Assess
    expect(decisions).toEqual([true, false, false, false, false]);
  });

  it('reads the rules of the real contract from amplify/data/resource.ts', async () => {
    // Prepare
    const sdl = await generateAuthRulesSdl();

    // Act
    const rules = readAuthRules(sdl);

    // Assess
    expect(rules.get('Query.trackBooking')).toEqual([{ mode: 'apiKey' }, { mode: 'userPool' }, { mode: 'lambda' }]);
    expect(rules.get('Mutation.cancelBooking')).toEqual([
      { mode: 'userPool', groups: ['admin', 'partner'] },
      { mode: 'lambda' },
    ]);
    expect(rules.get('Mutation.issuePartnerToken')).toEqual([{ mode: 'userPool', groups: ['admin'] }]);
    expect(rules.get('Query.me')).toEqual([{ mode: 'userPool', groups: ['admin', 'courier', 'partner'] }]);
    expect(rules.get('Query.listCouriers')).toEqual([{ mode: 'userPool', groups: ['admin'] }]);
    expect(rules.get('Mutation.publishBookingChanged')).toEqual([{ mode: 'iam' }]);
    expect(rules.get('Subscription.onCourierMoved')).toEqual([{ mode: 'userPool', groups: ['admin'] }]);
    expect(isGranted(rules.get('Query.getBooking') ?? [], user(['partner']))).toBe(true);
    expect(isGranted(rules.get('Query.getBooking') ?? [], apiKey)).toBe(false);
  }, 60_000);
});

describe('principals outside the rules', () => {
  it('judges an IAM service by its policy and a Lambda-authorized caller by its denied fields', () => {
    // Prepare
    const checks = [[{ mode: 'iam' as const }, { mode: 'lambda' as const }], [{ mode: 'lambda' as const }]];
    const service: Principal = { ...iam, policyFields: ['Query.getBooking'] };
    const partner: Principal = { mode: 'lambda', resolverContext: {}, deniedFields: ['Query.listBookings'] };
    // Act
    const decisions = [
      isRootAllowedFor(checks, service, 'Query.getBooking'),
      isRootAllowedFor(checks, service, 'Query.listPartners'),
      isRootAllowedFor(checks, iam, 'Query.getBooking'),
      isRootAllowedFor(checks, partner, 'Query.getBooking'),
      isRootAllowedFor(checks, partner, 'Query.listBookings'),
    ];
    // Assess
    expect(decisions).toEqual([true, false, false, true, false]);
  });
});
