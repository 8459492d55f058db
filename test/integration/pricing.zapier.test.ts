import { ALL_SCOPES } from '../../hubspot/scopes';
import { expectRefused, liveCount, runner, useZapierSandbox } from '../support/crm';
import { run } from '../support/zapier';

/**
 * Taxes (and a fee) through the any-object steps of the Zapier app against the sandbox: a tax round-trips create, get
 * and find; HubSpot's refusals (an hs_type it does not know, a fee without its required properties, a connection
 * without the line-item scope) reach the user naming the field or scope.
 */
describe('Zapier any-object steps for taxes and fees', () => {
  const context = useZapierSandbox();
  const { create, search } = runner(context);
  const get = (objectType: string, recordId: string, properties: string[] = []) =>
    run('searches', 'get_object', {
      authData: context.authData,
      inputData: { object_type: objectType, record_id: recordId, properties_to_retrieve: properties },
    }) as Promise<Array<{ id: string; properties: Record<string, string> }>>;

  it.each([
    ['taxes', 'Zap sales tax'],
    ['0-86', 'Zap tax by id'],
  ])('creates a tax as %s, reads it back by id and finds it by its label', async (objectType, label) => {
    const created = await create('create_object', {
      object_type: objectType,
      hs_label: label,
      hs_type: 'PERCENT',
      hs_value: '8.25',
    });
    expect(created.properties).toMatchObject({ hs_label: label, hs_type: 'PERCENT', hs_value: '8.25' });
    const [read] = await get('taxes', created.id, ['hs_label', 'hs_value']);
    expect(read).toMatchObject({ id: created.id, properties: { hs_label: label, hs_value: '8.25' } });
    const found = await search('find_object', {
      object_type: objectType,
      search_property: 'hs_label',
      search_value: label,
    });
    expect(found.map((r) => r.id)).toEqual([created.id]);
  });

  it('refuses a tax whose hs_type HubSpot does not know, naming the property, and creates nothing', async () => {
    await expectRefused(
      create('create_object', { object_type: 'taxes', hs_label: 'Odd', hs_type: 'SOMETIMES', hs_value: '1' }),
      /hs_type/,
      () => liveCount(context.t, '0-86'),
    );
  });

  it('refuses a fee without the hs_type and hs_value HubSpot requires, with its 400', async () => {
    await expectRefused(
      create('create_object', { object_type: 'fees', hs_label: 'Setup' }),
      /"hs_type" is required on create.*"hs_value" is required on create/,
      () => liveCount(context.t, '0-85'),
    );
  });

  it('a connection without crm.objects.line_items.read is told the missing scope when finding taxes', async () => {
    const token = context.t.sandbox.portal.auth.createPrivateAppToken({
      scopes: ALL_SCOPES.filter((s) => s !== 'crm.objects.line_items.read'),
    });
    const step = run('searches', 'find_object', {
      authData: { ...context.authData, access_token: token },
      inputData: { object_type: 'taxes', search_property: 'hs_label', search_value: 'x' },
    });
    await expect(step).rejects.toThrow(/missing the permission\(s\) crm\.objects\.line_items\.read/);
  });

  it('lists discounts, fees, taxes and projects in the object-type picker', async () => {
    const items = (await run('triggers', 'object_type_list', { authData: context.authData })) as Array<{
      id: string;
      label: string;
    }>;
    const labels = Object.fromEntries(items.map((i) => [i.id, i.label]));
    expect([labels.discounts, labels.fees, labels.taxes, labels.projects]).toEqual([
      'Discounts',
      'Fees',
      'Taxes',
      'Projects',
    ]);
  });
});
