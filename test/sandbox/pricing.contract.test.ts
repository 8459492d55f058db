import { Client } from '@hubspot/api-client';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects/taxes/models/Filter';
import { ALL_SCOPES } from '../../sandbox/facts/scopes';
import { refusal, useSdkSandbox } from '../support/sdk';

/**
 * Taxes through the client's own taxes API (`crm.objects.taxes`, path `taxes`), and fees and projects through its
 * generic objects API, against the sandbox. The client throws on any status it does not expect, so a passing call
 * proves the status; refusals carry HubSpot's category.
 */

describe('sandbox discounts, fees, taxes and projects under @hubspot/api-client 14', () => {
  const s = useSdkSandbox();

  it('taxes: the taxes API creates (201), reads, searches, updates and archives (204) one', async () => {
    const api = s.client.crm.objects.taxes;
    const created = await api.basicApi.create({
      properties: { hs_label: 'SDK state tax', hs_type: 'PERCENT', hs_value: '6.5' },
      associations: [],
    });
    expect(created.properties).toMatchObject({ hs_label: 'SDK state tax', hs_value: '6.5' });
    const read = await api.basicApi.getById(created.id, ['hs_label', 'hs_type']);
    expect(read.properties).toMatchObject({ hs_label: 'SDK state tax', hs_type: 'PERCENT' });
    const found = await api.searchApi.doSearch({
      filterGroups: [
        { filters: [{ propertyName: 'hs_label', operator: FilterOperatorEnum.Eq, value: 'SDK state tax' }] },
      ],
    });
    expect(found.results.map((r) => r.id)).toEqual([created.id]);
    await api.basicApi.update(created.id, { properties: { hs_value: '7' } });
    expect((await api.basicApi.getById(created.id, ['hs_value'])).properties.hs_value).toBe('7');
    await api.basicApi.archive(created.id);
    expect((await refusal(api.basicApi.getById(created.id))).code).toBe(404);
  });

  it('taxes: an hs_type outside PERCENT and FIXED is refused with 400 naming the property', async () => {
    const refused = await refusal(
      s.client.crm.objects.taxes.basicApi.create({
        properties: { hs_label: 'x', hs_type: 'SOMETIMES', hs_value: '1' },
        associations: [],
      }),
    );
    expect([refused.code, refused.body.category]).toEqual([400, 'VALIDATION_ERROR']);
    expect(JSON.stringify(refused.body)).toContain('hs_type');
  });

  it('a tax is read by the objectTypeId 0-86 as by the name', async () => {
    const created = await s.client.crm.objects.taxes.basicApi.create({
      properties: { hs_label: 'By id', hs_type: 'FIXED', hs_value: '2' },
      associations: [],
    });
    const read = await s.client.crm.objects.basicApi.getById('0-86', created.id, ['hs_label']);
    expect(read.properties.hs_label).toBe('By id');
  });

  it('fees: a create without hs_label, hs_type and hs_value is refused with 400; with them it is 201', async () => {
    const api = s.client.crm.objects.basicApi;
    const missing = await refusal(
      api.create('fees', { properties: { hs_label: 'Setup' }, associations: [] }),
    );
    expect([missing.code, missing.body.category]).toEqual([400, 'VALIDATION_ERROR']);
    const fee = await api.create('fees', {
      properties: { hs_label: 'Setup', hs_type: 'FIXED', hs_value: '25' },
      associations: [],
    });
    expect((await api.getById('0-85', fee.id, ['hs_value'])).properties.hs_value).toBe('25');
  });

  it('projects: create (201) and read by the objectTypeId 0-970', async () => {
    const api = s.client.crm.objects.basicApi;
    const project = await api.create('projects', { properties: { hs_name: 'Launch' }, associations: [] });
    expect((await api.getById('0-970', project.id, ['hs_name'])).properties.hs_name).toBe('Launch');
  });

  it.each([
    ['taxes', 'crm.objects.line_items.read'],
    ['discounts', 'crm.objects.line_items.read'],
    ['fees', 'crm.objects.line_items.read'],
    ['projects', 'crm.objects.projects.read'],
  ])(
    'a token without the %s read scope is refused with 403 MISSING_SCOPES naming %s',
    async (type, scope) => {
      const token = s.t.sandbox.portal.auth.createPrivateAppToken({
        scopes: ALL_SCOPES.filter((x) => x !== scope),
      });
      const client = new Client({ accessToken: token, basePath: s.t.url });
      const refused = await refusal(client.crm.objects.basicApi.getPage(type));
      expect([refused.code, refused.body.category]).toEqual([403, 'MISSING_SCOPES']);
      expect(refused.body.errors?.[0]?.context?.requiredGranularScopes).toEqual([scope]);
    },
  );
});
