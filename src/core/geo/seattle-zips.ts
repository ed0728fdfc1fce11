// Seattle ZIP codes with delivery areas: centroid and the neighbourhoods they cover (offline gazetteer data).
// Centroids are those of the ZIP code tabulation areas, to about 200 m. PO-box-only ZIPs (98111, 98124, …)
// are left out on purpose: a courier cannot collect from or deliver to a post office box.

export type SeattleZip = {
  postcode: string;
  lat: number;
  lng: number;
  /** STANDARD: a delivery area; UNIQUE: one organisation or building (a postcode-only lookup still works). */
  kind: 'STANDARD' | 'UNIQUE';
  neighbourhoods: readonly string[];
};

export const SEATTLE_ZIPS: readonly SeattleZip[] = [
  {
    postcode: '98101',
    lat: 47.6105,
    lng: -122.3364,
    kind: 'STANDARD',
    neighbourhoods: ['Downtown', 'Pike Place Market', 'Denny Triangle'],
  },
  {
    postcode: '98102',
    lat: 47.6364,
    lng: -122.3222,
    kind: 'STANDARD',
    neighbourhoods: ['Eastlake', 'North Capitol Hill', 'Portage Bay'],
  },
  {
    postcode: '98103',
    lat: 47.6733,
    lng: -122.3428,
    kind: 'STANDARD',
    neighbourhoods: ['Fremont', 'Wallingford', 'Green Lake', 'Phinney Ridge', 'Greenwood'],
  },
  {
    postcode: '98104',
    lat: 47.6027,
    lng: -122.3268,
    kind: 'STANDARD',
    neighbourhoods: ['Pioneer Square', 'International District', 'First Hill'],
  },
  {
    postcode: '98105',
    lat: 47.663,
    lng: -122.283,
    kind: 'STANDARD',
    neighbourhoods: ['University District', 'Laurelhurst', 'Ravenna', 'Windermere'],
  },
  {
    postcode: '98106',
    lat: 47.5343,
    lng: -122.3549,
    kind: 'STANDARD',
    neighbourhoods: ['Delridge', 'Highland Park', 'South Delridge'],
  },
  {
    postcode: '98107',
    lat: 47.6675,
    lng: -122.3759,
    kind: 'STANDARD',
    neighbourhoods: ['Ballard', 'West Woodland', 'Fremont (west)'],
  },
  {
    postcode: '98108',
    lat: 47.5397,
    lng: -122.3124,
    kind: 'STANDARD',
    neighbourhoods: ['Georgetown', 'South Park', 'South Beacon Hill'],
  },
  {
    postcode: '98109',
    lat: 47.6308,
    lng: -122.3459,
    kind: 'STANDARD',
    neighbourhoods: ['South Lake Union', 'East Queen Anne', 'Westlake'],
  },
  {
    postcode: '98112',
    lat: 47.6297,
    lng: -122.2965,
    kind: 'STANDARD',
    neighbourhoods: ['Montlake', 'Madison Park', 'Madison Valley', 'Denny-Blaine'],
  },
  {
    postcode: '98115',
    lat: 47.6849,
    lng: -122.2968,
    kind: 'STANDARD',
    neighbourhoods: ['Ravenna', 'Wedgwood', 'View Ridge', 'Maple Leaf', 'Bryant', 'Roosevelt'],
  },
  {
    postcode: '98116',
    lat: 47.574,
    lng: -122.3963,
    kind: 'STANDARD',
    neighbourhoods: ['Alki', 'Admiral', 'West Seattle Junction'],
  },
  {
    postcode: '98117',
    lat: 47.689,
    lng: -122.3786,
    kind: 'STANDARD',
    neighbourhoods: ['Crown Hill', 'Loyal Heights', 'Whittier Heights', 'Sunset Hill'],
  },
  {
    postcode: '98118',
    lat: 47.5413,
    lng: -122.27,
    kind: 'STANDARD',
    neighbourhoods: ['Columbia City', 'Hillman City', 'Othello', 'Seward Park', 'Rainier Beach'],
  },
  { postcode: '98119', lat: 47.638, lng: -122.3684, kind: 'STANDARD', neighbourhoods: ['Queen Anne', 'Interbay'] },
  { postcode: '98121', lat: 47.615, lng: -122.3447, kind: 'STANDARD', neighbourhoods: ['Belltown'] },
  {
    postcode: '98122',
    lat: 47.6116,
    lng: -122.3047,
    kind: 'STANDARD',
    neighbourhoods: ['Central District', 'Capitol Hill (south)', 'Squire Park', 'Madrona', 'Leschi'],
  },
  {
    postcode: '98125',
    lat: 47.7166,
    lng: -122.3,
    kind: 'STANDARD',
    neighbourhoods: ['Lake City', 'Northgate', 'Meadowbrook', 'Victory Heights', 'Olympic Hills'],
  },
  {
    postcode: '98126',
    lat: 47.5468,
    lng: -122.374,
    kind: 'STANDARD',
    neighbourhoods: ['High Point', 'North Delridge', 'Morgan Junction (east)'],
  },
  {
    postcode: '98133',
    lat: 47.7389,
    lng: -122.3437,
    kind: 'STANDARD',
    neighbourhoods: ['Bitter Lake', 'Haller Lake', 'Licton Springs (north)'],
  },
  {
    postcode: '98134',
    lat: 47.5783,
    lng: -122.3358,
    kind: 'STANDARD',
    neighbourhoods: ['SoDo', 'Industrial District'],
  },
  {
    postcode: '98136',
    lat: 47.5369,
    lng: -122.3906,
    kind: 'STANDARD',
    neighbourhoods: ['Fauntleroy', 'Gatewood', 'Morgan Junction'],
  },
  {
    postcode: '98144',
    lat: 47.5848,
    lng: -122.3005,
    kind: 'STANDARD',
    neighbourhoods: ['Mount Baker', 'North Beacon Hill', 'Judkins Park', 'Leschi (south)'],
  },
  {
    postcode: '98146',
    lat: 47.5005,
    lng: -122.3584,
    kind: 'STANDARD',
    neighbourhoods: ['Arbor Heights', 'White Center'],
  },
  { postcode: '98154', lat: 47.6064, lng: -122.3344, kind: 'UNIQUE', neighbourhoods: ['Downtown (office tower)'] },
  { postcode: '98164', lat: 47.6061, lng: -122.3318, kind: 'UNIQUE', neighbourhoods: ['Downtown (office tower)'] },
  { postcode: '98174', lat: 47.6046, lng: -122.3354, kind: 'UNIQUE', neighbourhoods: ['Downtown (office tower)'] },
  {
    postcode: '98177',
    lat: 47.7426,
    lng: -122.3703,
    kind: 'STANDARD',
    neighbourhoods: ['Broadview', 'Blue Ridge', 'North Beach'],
  },
  {
    postcode: '98178',
    lat: 47.5002,
    lng: -122.2487,
    kind: 'STANDARD',
    neighbourhoods: ['Rainier View', 'Bryn Mawr-Skyway'],
  },
  { postcode: '98195', lat: 47.6553, lng: -122.3035, kind: 'UNIQUE', neighbourhoods: ['University of Washington'] },
  { postcode: '98199', lat: 47.6484, lng: -122.3967, kind: 'STANDARD', neighbourhoods: ['Magnolia'] },
];
