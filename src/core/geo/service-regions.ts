// The company's service regions: the groups of postcodes it dispatches and reports by. A booking belongs to
// the region of its delivery address (where the parcel ends up, which is what a route and a depot serve).

export type ServiceRegion = { id: string; name: string; postcodes: readonly string[] };

export const SERVICE_REGIONS: readonly ServiceRegion[] = [
  { id: 'downtown', name: 'Downtown', postcodes: ['98101', '98104', '98121', '98154', '98164', '98174'] },
  { id: 'central', name: 'Central', postcodes: ['98102', '98109', '98112', '98122', '98144'] },
  { id: 'northwest', name: 'Northwest', postcodes: ['98103', '98107', '98117', '98119', '98177', '98199'] },
  { id: 'northeast', name: 'Northeast', postcodes: ['98105', '98115', '98125', '98133', '98195'] },
  { id: 'south', name: 'South', postcodes: ['98108', '98118', '98134', '98178'] },
  { id: 'west-seattle', name: 'West Seattle', postcodes: ['98106', '98116', '98126', '98136', '98146'] },
];

const BY_POSTCODE = new Map(SERVICE_REGIONS.flatMap((region) => region.postcodes.map((p) => [p, region] as const)));

/** The region serving a postcode (ZIP+4 accepted), or undefined outside the service area. */
export function serviceRegionOf(postcode: string | null | undefined): ServiceRegion | undefined {
  return postcode ? BY_POSTCODE.get(postcode.trim().slice(0, 5)) : undefined;
}

export function isServiceRegionId(id: string): boolean {
  return SERVICE_REGIONS.some((region) => region.id === id);
}
