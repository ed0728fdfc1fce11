// Who the signed-in caller is, as the apps need it to choose a layout (admin, courier, partner).
import { ForbiddenError } from './errors';
import type { Principal } from './model';

export type Me = {
  sub: string;
  role: 'ADMIN' | 'COURIER' | 'PARTNER';
  courierId?: string;
  partnerId?: string;
  displayName?: string;
};

export function describeMe(principal: Principal): Me {
  switch (principal.role) {
    case 'ADMIN':
      return withName({ sub: principal.sub, role: 'ADMIN' }, principal.name);
    case 'COURIER':
      return withName({ sub: principal.sub, role: 'COURIER', courierId: principal.courierId }, principal.name);
    case 'PARTNER':
      return withName({ sub: principal.sub, role: 'PARTNER', partnerId: principal.partnerId }, principal.name);
    case 'PUBLIC':
    case 'SERVICE':
      throw new ForbiddenError('Only signed-in users have a profile.', {
        resolution: 'Sign in as an administrator, courier or partner.',
      });
  }
}

function withName(me: Me, name: string | undefined): Me {
  return name ? { ...me, displayName: name } : me;
}
