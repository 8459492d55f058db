import { findStandardObjectType } from '../../hubspot/objectTypes';
import { ALL_SCOPES } from '../../hubspot/scopes';
import { expectRefused, liveCount, runner, useZapierSandbox } from '../support/crm';
import { putRecords } from '../support/records';
import { run } from '../support/zapier';

/**
 * Users, goal targets, payments and commerce subscriptions through the any-object steps of the Zapier app against the
 * sandbox: what each type allows round-trips, what HubSpot does not serve is refused before any call, and a
 * connection without the type's scope is told HubSpot's 403.
 */
describe('Zapier any-object steps for users, goal targets, payments and subscriptions', () => {
  const context = useZapierSandbox();
  const { create, search } = runner(context);
  const get = (objectType: string, recordId: string, properties: string[] = []) =>
    run('searches', 'get_object', {
      authData: context.authData,
      inputData: { object_type: objectType, record_id: recordId, properties_to_retrieve: properties },
    }) as Promise<Array<{ id: string; properties: Record<string, string> }>>;
  const count = (objectTypeId: string) => () => liveCount(context.t, objectTypeId);
  const requests = () => context.t.sandbox.log.all().map((e) => `${e.method} ${e.path}`);
  /** Records HubSpot makes itself (users join through user provisioning, goals are set in the app). */
  let nextId = 9_000_001;
  const seed = (objectTypeId: string, properties: Record<string, string>) => {
    const id = String(nextId++);
    putRecords(context.t.sandbox.portal, objectTypeId, [id]);
    const record = context.t.sandbox.portal.records.get(objectTypeId, id)!;
    context.t.sandbox.portal.records.put(
      { ...record, properties: { ...record.properties, ...properties } },
      record,
    );
    return { id };
  };

  it.each([
    [
      'commerce_payments',
      { hs_initial_amount: '120', hs_initiated_date: '2026-11-02', hs_reference_number: 'PAY-9' },
    ],
    ['subscriptions', { hs_recurring_billing_start_date: '2026-12-01', hs_name: 'Gold plan' }],
  ])('creates %s, reads it back by id and finds it by a property', async (objectType, properties) => {
    const [property, value] = Object.entries(properties).at(-1)!;
    const created = await create('create_object', { object_type: objectType, ...properties });
    expect(created.properties[property]).toBe(value);
    const [read] = await get(objectType, created.id, [property]);
    expect(read).toMatchObject({ id: created.id, properties: { [property]: value } });
    const found = await search('find_object', {
      object_type: objectType,
      search_property: property,
      search_value: value,
    });
    expect(found.map((r) => r.id)).toEqual([created.id]);
  });

  it('refuses a payment without the amount and date HubSpot requires, with its 400', async () => {
    await expectRefused(
      create('create_object', { object_type: 'commerce_payments', hs_reference_number: 'PAY-10' }),
      /hs_initial_amount/,
      count('0-101'),
    );
  });

  it('updates a user, reads and finds it, and refuses creating or archiving one before any call', async () => {
    const user = seed('0-115', { hs_email: 'ada@example.com', hs_job_title: 'Engineer' });
    const updated = await create('update_object', {
      object_type: 'users',
      record_id: user.id,
      hs_job_title: 'Head of engineering',
    });
    expect(updated.properties.hs_job_title).toBe('Head of engineering');
    const [read] = await get('users', user.id, ['hs_job_title']);
    expect(read?.properties.hs_job_title).toBe('Head of engineering');
    const found = await search('find_object', {
      object_type: 'users',
      search_property: 'hs_email',
      search_value: 'ada@example.com',
    });
    expect(found.map((r) => r.id)).toEqual([user.id]);

    context.t.sandbox.log.clear();
    await expectRefused(
      create('create_object', { object_type: 'users', hs_job_title: 'Intern' }),
      /Object type \(object_type\).*Users can only be updated through HubSpot's API, not created/,
      count('0-115'),
    );
    await expect(create('archive_object', { object_type: '0-115', record_id: user.id })).rejects.toThrow(
      /Users can only be updated through HubSpot's API, not archived/,
    );
    expect(requests()).toEqual([]);
  });

  it('reads and finds goal targets, and refuses any write to them before any call', async () => {
    const goal = seed('0-74', { hs_goal_name: 'Q4 revenue', hs_target_amount: '50000' });
    const [read] = await get('goal_targets', goal.id);
    expect(read?.id).toBe(goal.id);
    const found = await search('find_object', {
      object_type: 'goal_targets',
      search_property: 'hs_goal_name',
      search_value: 'Q4 revenue',
    });
    expect(found.map((r) => r.id)).toEqual([goal.id]);

    context.t.sandbox.log.clear();
    await expect(
      create('update_object', { object_type: 'goal_targets', record_id: goal.id, hs_goal_name: 'Q1' }),
    ).rejects.toThrow(/Object type \(object_type\).*Goal targets are read only/);
    await expect(create('create_object', { object_type: '0-74', hs_goal_name: 'Q1' })).rejects.toThrow(
      /Goal targets are read only/,
    );
    expect(requests()).toEqual([]);
  });

  it('the sandbox answers HubSpot’s 405 to a write the API does not serve, when one is sent anyway', async () => {
    const user = seed('0-115', { hs_email: 'grace@example.com' });
    expect((await context.t.call('POST', '/crm/v3/objects/users', { properties: {} })).status).toBe(405);
    expect((await context.t.call('DELETE', `/crm/v3/objects/users/${user.id}`)).status).toBe(405);
    expect((await context.t.call('POST', '/crm/v3/objects/goal_targets', { properties: {} })).status).toBe(
      405,
    );
    const patch = await context.t.call('PATCH', `/crm/v3/objects/users/${user.id}`, {
      properties: { hs_job_title: 'CTO' },
    });
    expect(patch.status).toBe(200);
  });

  it.each([
    ['commerce_payments', 'crm.objects.commercepayments.read'],
    ['subscriptions', 'crm.objects.subscriptions.read'],
    ['users', 'crm.objects.users.read'],
    ['goal_targets', 'crm.objects.goals.read'],
  ])('a connection without the %s read scope gets HubSpot’s 403 naming %s', async (objectType, scope) => {
    const token = context.t.sandbox.portal.auth.createPrivateAppToken({
      scopes: ALL_SCOPES.filter((s) => s !== scope),
    });
    const answer = await context.t.call('GET', `/crm/v3/objects/${objectType}`, undefined, {
      authorization: `Bearer ${token}`,
    });
    expect(answer.status).toBe(403);
    const body = (await answer.json()) as { category: string; errors?: Array<{ context?: unknown }> };
    expect(body.category).toBe('MISSING_SCOPES');
    expect(JSON.stringify(body)).toContain(scope);
    const step = run('searches', 'find_object', {
      authData: { ...context.authData, access_token: token },
      inputData: { object_type: objectType, search_property: 'hs_object_id', search_value: '1' },
    });
    await expect(step).rejects.toThrow(
      new RegExp(`missing the permission\\(s\\) ${scope.replace(/\./g, '\\.')}`),
    );
  });

  it('lists the new types in the object-type picker with what each allows or needs', async () => {
    const items = (await run('triggers', 'object_type_list', { authData: context.authData })) as Array<{
      id: string;
      label: string;
    }>;
    const label = (id: string) => items.find((i) => i.id === id)?.label;
    expect(label('users')).toBe('Users (update only)');
    expect(label('goal_targets')).toBe('Goal targets (read only)');
    expect(label('commerce_payments')).toMatch(/^Payments \(needs HubSpot payments or Stripe/);
    expect(findStandardObjectType('subscriptions')?.objectTypeId).toBe('0-69');
  });
});
