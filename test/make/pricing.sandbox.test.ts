import type { Json } from '../../make/model';
import { MakeRunner, makeErrorOf } from '../support/make';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

/**
 * Taxes (and a fee) through Make's any-object modules against the sandbox: a tax round-trips create, get and find, by
 * path name and by objectTypeId; HubSpot's 400 for a fee without its required properties reaches the scenario.
 */
describe('Make any-object modules for taxes and fees', () => {
  let t: TestSandbox;
  let make: MakeRunner;

  beforeAll(async () => {
    t = await startTestSandbox();
    make = new MakeRunner(t.url, { accessToken: t.token });
  });
  afterAll(() => t.close());

  const props = (bundle: Json) => bundle.properties as Record<string, string>;

  it.each([
    ['taxes', 'Make sales tax'],
    ['0-86', 'Make tax by id'],
  ])('creates a tax as %s, gets it and finds it by its label', async (objectType, label) => {
    const created = await make.action('createObject', {
      object_type: objectType,
      hs_label: label,
      hs_type: 'FIXED',
      hs_value: '3',
    });
    expect(props(created)).toMatchObject({ hs_label: label, hs_type: 'FIXED', hs_value: '3' });
    const read = await make.action('getObject', {
      object_type: 'taxes',
      record_id: created.id as string,
      properties_to_retrieve: ['hs_label', 'hs_value'],
    });
    expect([read.id, props(read).hs_label, props(read).hs_value]).toEqual([created.id, label, '3']);
    const { outputs } = await make.run('findObject', {
      object_type: objectType,
      search_property: 'hs_label',
      search_value: label,
    });
    expect(outputs.map((o) => (o as Json).id)).toEqual([created.id]);
  });

  it('a fee without hs_type and hs_value is refused with HubSpot’s 400 naming them', async () => {
    const error = await makeErrorOf(make.action('createObject', { object_type: 'fees', hs_label: 'Setup' }));
    expect(error.type).toBe('DataError');
    expect(error.message).toMatch(
      /^\[400\].*"hs_type" is required on create.*"hs_value" is required on create/,
    );
  });

  it('lists discounts, fees, taxes and projects in the object-type dropdown', async () => {
    const items = await make.rpc('listObjectTypes');
    const labels = Object.fromEntries(items.map((i) => [i.value, i.label]));
    expect([labels.discounts, labels.fees, labels.taxes, labels.projects]).toEqual([
      'Discounts',
      'Fees',
      'Taxes',
      'Projects',
    ]);
  });
});
