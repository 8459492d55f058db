import { findStandardObjectType } from '../../hubspot/objectTypes';
import type { Json } from '../../make/model';
import { defaultRetrievedProperties } from '../../operations/retrievedProperties';
import { MakeRunner } from '../support/make';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

/**
 * "Properties to retrieve" on Make: watch and search modules send the common properties and the chosen ones in
 * their one search request, as the Zapier app does; actions leave the parameter out and say why.
 */
describe('Make properties to retrieve against the sandbox', () => {
  let t: TestSandbox;
  let make: MakeRunner;
  const searchBodies = () =>
    make.requests.filter((r) => r.url.endsWith('/search')).map((r) => r.body as { properties: string[] });

  beforeAll(async () => {
    t = await startTestSandbox();
    make = new MakeRunner(t.url, { accessToken: t.token });
    // Past the watch modules' index-lag margin, so what is written now is read.
    make.now = () => new Date(Date.now() + 120_000);
    const property = await t.call('POST', '/crm/v3/properties/contacts', {
      name: 'shoe_size',
      label: 'Shoe size',
      type: 'number',
      fieldType: 'number',
      groupName: 'contactinformation',
    });
    expect(property.status).toBe(201);
    const contact = await t.call('POST', '/crm/v3/objects/contacts', {
      properties: { email: 'make-retrieve@example.com', jobtitle: 'Engineer', shoe_size: '44' },
    });
    expect(contact.status).toBe(201);
  });
  afterAll(() => t.close());
  beforeEach(() => {
    make.requests = [];
  });

  it('findContact: a chosen property and the common ones in the one search', async () => {
    const { outputs } = await make.run('findContact', {
      search_property: 'jobtitle',
      search_value: 'Engineer',
      properties_to_retrieve: ['shoe_size'],
    });
    expect((outputs[0] as { properties: Json }).properties).toMatchObject({
      shoe_size: '44',
      email: 'make-retrieve@example.com',
    });
    expect(make.requests).toHaveLength(1);
    const contacts = findStandardObjectType('contacts')!;
    // The property searched on (jobtitle) is one of the common ones already: asked once.
    expect(searchBodies()[0]!.properties).toEqual([...defaultRetrievedProperties(contacts), 'shoe_size']);
  });

  it('findObject: the common properties of the type chosen in the module when none are chosen', async () => {
    await make.run('findObject', { object_type: 'deals', search_property: 'dealname', search_value: 'None' });
    expect(searchBodies()[0]!.properties).toEqual([
      ...defaultRetrievedProperties(findStandardObjectType('deals')!),
    ]);
  });

  it('newContact: the watch module outputs a chosen property from its one request', async () => {
    const { outputs } = await make.run('newContact', { properties_to_retrieve: ['shoe_size'] });
    const item = (outputs as Array<{ properties: Json }>).find(
      (o) => o.properties.email === 'make-retrieve@example.com',
    );
    expect(item!.properties.shoe_size).toBe('44');
    expect(make.requests).toHaveLength(1);
  });

  it('actions have no such parameter, and say why', () => {
    for (const name of ['createContact', 'updateContact', 'createOrUpdateContact', 'createNote']) {
      const module = make.module(name);
      const params = [...module.staticParams, ...module.mappableParams] as Array<Json | string>;
      expect(params.some((p) => typeof p === 'object' && p.name === 'properties_to_retrieve')).toBe(false);
      expect(module.zapierOnlyParams?.properties_to_retrieve).toMatch(/Find module/);
    }
  });
});
