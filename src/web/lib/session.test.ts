import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from './api-types';
import { displayNameOf, hasAppGroup, resolveWorkspace, savedCourierWorkspace } from './session';
import { readGroups } from './token-claims';

function me(overrides: Partial<Me>): Me {
  return {
    sub: 'sub-1',
    email: 'dana@example.com',
    role: 'ADMIN',
    courierId: null,
    partnerId: null,
    displayName: null,
    ...overrides,
  };
}

describe('readGroups', () => {
  it('reads the cognito:groups claim and ignores anything that is not a string', () => {
    // Prepare
    const payload = { sub: 'x', 'cognito:groups': ['courier', 7, 'partner'] };

    // Act
    const groups = readGroups(payload);

    // Assess
    expect(groups).toEqual(['courier', 'partner']);
  });

  it('gives no groups when the claim is missing or malformed', () => {
    // Prepare
    const payloads = [undefined, {}, { 'cognito:groups': 'admin' }];

    // Act
    const groups = payloads.map(readGroups);

    // Assess
    expect(groups).toEqual([[], [], []]);
  });
});

describe('hasAppGroup', () => {
  it('is true only for the app roles', () => {
    // Prepare
    const cases = [['admin'], ['us-east-1_pool_Google'], []];

    // Act
    const results = cases.map(hasAppGroup);

    // Assess
    expect(results).toEqual([true, false, false]);
  });
});

describe('resolveWorkspace', () => {
  it('opens the workspace of the role the API reports', () => {
    // Prepare
    const cases = [
      resolveWorkspace(['admin'], me({ role: 'ADMIN' })),
      resolveWorkspace(['courier'], me({ role: 'COURIER', courierId: 'courier-07' })),
      resolveWorkspace(['partner'], me({ role: 'PARTNER', partnerId: 'acme' })),
    ];

    // Act
    const summary = cases.map((workspace) =>
      workspace.kind === 'courier'
        ? `courier:${workspace.courierId}`
        : workspace.kind === 'partner'
          ? `partner:${workspace.partnerId}`
          : workspace.kind,
    );

    // Assess
    expect(summary).toEqual(['admin', 'courier:courier-07', 'partner:acme']);
  });

  it('refuses a courier or partner without the id their pages are scoped by', () => {
    // Prepare
    const courier = me({ role: 'COURIER' });
    const partner = me({ role: 'PARTNER' });

    // Act
    const results = [resolveWorkspace(['courier'], courier), resolveWorkspace(['partner'], partner)];

    // Assess
    expect(results.map((w) => w.kind)).toEqual(['no-access', 'no-access']);
  });

  it('refuses when the token groups disagree with the role (a stale token)', () => {
    // Prepare
    const admin = me({ role: 'ADMIN' });

    // Act
    const workspace = resolveWorkspace(['courier'], admin);

    // Assess
    expect(workspace.kind).toBe('no-access');
  });
});

describe('displayNameOf', () => {
  it('prefers the display name, then the email, then the subject', () => {
    // Prepare
    const people = [me({ displayName: 'Dana Kim' }), me({}), me({ email: null })];

    // Act
    const names = people.map(displayNameOf);

    // Assess
    expect(names).toEqual(['Dana Kim', 'dana@example.com', 'sub-1']);
  });
});

describe('savedCourierWorkspace', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  function phoneWith(saved: unknown) {
    const items = new Map([['courier-workspace', JSON.stringify(saved)]]);
    vi.stubGlobal('localStorage', { getItem: (key: string) => items.get(key) ?? null });
  }

  it("opens the courier's last workspace at once for the same user still in the courier group", () => {
    // Prepare
    const workspace = {
      kind: 'courier',
      me: me({ role: 'COURIER', courierId: 'courier-07' }),
      courierId: 'courier-07',
    };
    phoneWith({ sub: 'sub-1', workspace });

    // Act
    const opened = savedCourierWorkspace({ sub: 'sub-1', groups: ['courier'] });

    // Assess
    expect(opened).toEqual(workspace);
  });

  it('opens nothing for another user, a user no longer a courier, or no sign-in', () => {
    // Prepare
    const workspace = {
      kind: 'courier',
      me: me({ role: 'COURIER', courierId: 'courier-07' }),
      courierId: 'courier-07',
    };
    phoneWith({ sub: 'sub-1', workspace });

    // Act
    const opened = [
      savedCourierWorkspace({ sub: 'sub-2', groups: ['courier'] }),
      savedCourierWorkspace({ sub: 'sub-1', groups: ['admin'] }),
      savedCourierWorkspace({ groups: [] }),
    ];

    // Assess
    expect(opened).toEqual([undefined, undefined, undefined]);
  });
});
