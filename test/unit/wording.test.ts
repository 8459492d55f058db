import { plural, titleCase } from '../../operations/wording';

describe('wording', () => {
  it.each([
    ['Property', 'Properties'],
    ['Company', 'Companies'],
    ['Line Item', 'Line Items'],
    ['Association label', 'Association labels'],
    ['Box', 'Boxes'],
    ['Search', 'Searches'],
    ['Day', 'Days'],
    ['Status', 'Statuses'],
    ['Person', 'People'],
  ])('the plural of %s is %s', (noun, expected) => {
    expect(plural(noun)).toBe(expected);
  });

  it.each([
    ['Create Line item', 'Create Line Item'],
    ['new or updated contact', 'New or Updated Contact'],
    ['Remove Records from List', 'Remove Records from List'],
    ['Find or Create Record', 'Find or Create Record'],
    ['List Object types', 'List Object Types'],
    ['API Request', 'API Request'],
    ['Find HubSpot Owner by ID', 'Find HubSpot Owner by ID'],
    ['Get the list of', 'Get the List Of'],
  ])('%s in title case is %s', (label, expected) => {
    expect(titleCase(label)).toBe(expected);
  });
});
