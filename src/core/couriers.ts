// Courier use cases: look couriers up, list the fleet, and take position reports from the courier app.
import { z } from 'zod';
import { assertCanListCouriers, assertCanReadCourier, assertIsCourier, courierNotFoundMessage } from './access';
import { NotFoundError, ValidationError } from './errors';
import { pageSchema, parseInput, type PageInput } from './input-validation';
import type { Courier, CourierLocation, Principal } from './model';
import type { Clock, CourierRepository, Page } from './ports';

export async function getCourier(
  id: unknown,
  principal: Principal,
  deps: { couriers: CourierRepository },
): Promise<Courier> {
  if (typeof id !== 'string' || id.trim() === '') {
    throw new ValidationError('id is required: give the courier id, e.g. courier-07.', { field: 'id' });
  }
  if (id.trim().length > 64) {
    throw new ValidationError('id is too long; courier ids look like courier-07 (at most 64 characters).', {
      field: 'id',
    });
  }
  const courier = await deps.couriers.get(id.trim());
  assertCanReadCourier(principal, courier, id.trim());
  return courier;
}

export async function listCouriers(
  page: PageInput | null | undefined,
  principal: Principal,
  deps: { couriers: CourierRepository },
): Promise<Page<Courier>> {
  assertCanListCouriers(principal);
  return deps.couriers.list(parseInput(pageSchema, page, 'page'));
}

const locationSchema = z.object({
  lat: z
    .number()
    .min(-90, { message: 'lat must be between -90 and 90 degrees.' })
    .max(90, { message: 'lat must be between -90 and 90 degrees.' }),
  lng: z
    .number()
    .min(-180, { message: 'lng must be between -180 and 180 degrees.' })
    .max(180, { message: 'lng must be between -180 and 180 degrees.' }),
  heading: z
    .number()
    .min(0, { message: 'heading is a compass bearing from 0 to 360 degrees.' })
    .max(360, { message: 'heading is a compass bearing from 0 to 360 degrees.' })
    .nullish()
    .transform((v) => v ?? undefined),
  speedKph: z
    .number()
    .min(0, { message: 'speedKph cannot be negative.' })
    .max(250, { message: 'speedKph above 250 is not a plausible courier speed; check the GPS reading.' })
    .nullish()
    .transform((v) => v ?? undefined),
});

export type CourierLocationInput = z.input<typeof locationSchema>;

/**
 * A reading rounded to what it can mean (7 decimals of a degree are about a centimetre): DynamoDB stores no number
 * smaller than 1e-130, so a device's 5e-324 would otherwise fail the write. Negative zero becomes zero.
 */
function storable(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor || 0;
}

/** A courier reports where they are; the courier is the signed-in one, never one named in the input. */
export async function updateCourierLocation(
  principal: Principal,
  input: unknown,
  deps: { couriers: CourierRepository; clock: Clock },
): Promise<Courier> {
  assertIsCourier(principal);
  const parsed = parseInput(locationSchema, input, 'location');
  const existing = await deps.couriers.get(principal.courierId);
  if (!existing) {
    throw new NotFoundError(courierNotFoundMessage(principal.courierId), {
      resolution: 'Your sign-in is not linked to a courier profile; ask an administrator.',
    });
  }
  const location: CourierLocation = {
    lat: storable(parsed.lat, 7),
    lng: storable(parsed.lng, 7),
    at: deps.clock.now().toISOString(),
  };
  if (parsed.heading !== undefined) location.heading = storable(parsed.heading, 1);
  if (parsed.speedKph !== undefined) location.speedKph = storable(parsed.speedKph, 1);
  return deps.couriers.updateLocation(principal.courierId, location);
}
