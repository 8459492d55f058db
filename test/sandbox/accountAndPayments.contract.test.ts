import { Client } from '@hubspot/api-client';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects/goals/models/Filter';
import { ALL_SCOPES } from '../../sandbox/facts/scopes';
import { putRecords } from '../support/records';
import { refusal, useSdkSandbox } from '../support/sdk';

/**
 * Goal targets through the client's own goals API (`crm.objects.goals`, path `goal_targets`), users, payments and
 * commerce subscriptions through its generic objects API, against the sandbox. The client throws on any status it
 * does not expect, so a passing call proves the status; refusals carry HubSpot's category.
 */

describe('sandbox users, goal targets, payments and subscriptions under @hubspot/api-client 14', () => {
  const s = useSdkSandbox();
  let nextId = 9_200_001;
  const seed = (objectTypeId: string, properties: Record<string, string>) => {
    const id = String(nextId++);
    putRecords(s.t.sandbox.portal, objectTypeId, [id]);
    const record = s.t.sandbox.portal.records.get(objectTypeId, id)!;
    s.t.sandbox.portal.records.put(
      { ...record, properties: { ...record.properties, ...properties } },
      record,
    );
    return id;
  };

  it('goal targets: the goals API lists, reads and searches them; a create answers 405', async () => {
    const id = seed('0-74', { hs_goal_name: 'SDK goal' });
    const api = s.client.crm.objects.goals;
    const page = await api.basicApi.getPage(100, undefined, ['hs_goal_name']);
    expect(page.results.map((r) => [r.id, r.properties.hs_goal_name])).toContainEqual([id, 'SDK goal']);
    expect((await api.basicApi.getById(id, ['hs_goal_name'])).properties.hs_goal_name).toBe('SDK goal');
    const found = await api.searchApi.doSearch({
      filterGroups: [
        { filters: [{ propertyName: 'hs_goal_name', operator: FilterOperatorEnum.Eq, value: 'SDK goal' }] },
      ],
    });
    expect(found.results.map((r) => r.id)).toEqual([id]);
    const write = await refusal(api.basicApi.create({ properties: { hs_goal_name: 'x' }, associations: [] }));
    expect(write.code).toBe(405);
  });

  it('users: read and update (200); a create or archive answers 405', async () => {
    const id = seed('0-115', { hs_email: 'sdk-user@example.com' });
    const api = s.client.crm.objects.basicApi;
    const updated = await api.update('users', id, { properties: { hs_job_title: 'Analyst' } });
    expect(updated.properties.hs_job_title).toBe('Analyst');
    expect((await api.getById('users', id, ['hs_email'])).properties.hs_email).toBe('sdk-user@example.com');
    expect((await refusal(api.create('users', { properties: {}, associations: [] }))).code).toBe(405);
    expect((await refusal(api.archive('users', id))).code).toBe(405);
  });

  it('payments: create (201) needs hs_initial_amount and hs_initiated_date; read, update, archive (204)', async () => {
    const api = s.client.crm.objects.basicApi;
    const missing = await refusal(
      api.create('commerce_payments', { properties: { hs_initial_amount: '10' }, associations: [] }),
    );
    expect([missing.code, missing.body.category]).toEqual([400, 'VALIDATION_ERROR']);
    const payment = await api.create('commerce_payments', {
      properties: { hs_initial_amount: '10', hs_initiated_date: '2026-11-04' },
      associations: [],
    });
    await api.update('commerce_payments', payment.id, { properties: { hs_reference_number: 'R-1' } });
    expect(
      (await api.getById('commerce_payments', payment.id, ['hs_reference_number'])).properties
        .hs_reference_number,
    ).toBe('R-1');
    await api.archive('commerce_payments', payment.id);
    expect((await refusal(api.getById('commerce_payments', payment.id))).code).toBe(404);
  });

  it('subscriptions: create (201), read by the objectTypeId 0-69 as by the name', async () => {
    const api = s.client.crm.objects.basicApi;
    const created = await api.create('subscriptions', {
      properties: { hs_name: 'SDK plan' },
      associations: [],
    });
    expect((await api.getById('0-69', created.id, ['hs_name'])).properties.hs_name).toBe('SDK plan');
  });

  it.each([
    ['goal_targets', 'crm.objects.goals.read'],
    ['users', 'crm.objects.users.read'],
    ['commerce_payments', 'crm.objects.commercepayments.read'],
    ['subscriptions', 'crm.objects.subscriptions.read'],
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
