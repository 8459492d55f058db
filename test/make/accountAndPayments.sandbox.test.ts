import type { Json } from '../../make/model';
import { MakeRunner, makeErrorOf } from '../support/make';
import { putRecords } from '../support/records';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

/**
 * Users, goal targets, payments and commerce subscriptions through Make's any-object modules against the sandbox:
 * round trips where HubSpot allows them, and the guard steps that stop a write HubSpot does not serve before any call.
 */
describe('Make any-object modules for users, goal targets, payments and subscriptions', () => {
  let t: TestSandbox;
  let make: MakeRunner;
  let nextId = 9_100_001;

  beforeAll(async () => {
    t = await startTestSandbox();
    make = new MakeRunner(t.url, { accessToken: t.token });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    make.requests = [];
  });

  /** A record HubSpot makes itself (users join through user provisioning; goals are set in the app). */
  const seed = (objectTypeId: string, properties: Record<string, string>) => {
    const id = String(nextId++);
    putRecords(t.sandbox.portal, objectTypeId, [id]);
    const record = t.sandbox.portal.records.get(objectTypeId, id)!;
    t.sandbox.portal.records.put({ ...record, properties: { ...record.properties, ...properties } }, record);
    return id;
  };
  const props = (bundle: Json) => bundle.properties as Record<string, string>;

  it.each([
    [
      'commerce_payments',
      { hs_initial_amount: '75', hs_initiated_date: '2026-11-03', hs_reference_number: 'MK-P1' },
    ],
    ['subscriptions', { hs_recurring_billing_start_date: '2026-12-01', hs_name: 'Make plan' }],
  ])('creates %s, gets it and finds it', async (objectType, properties) => {
    const [property, value] = Object.entries(properties).at(-1)!;
    const created = await make.action('createObject', { object_type: objectType, ...properties });
    expect(props(created)[property]).toBe(value);
    const read = await make.action('getObject', {
      object_type: objectType,
      record_id: created.id as string,
      properties_to_retrieve: [property],
    });
    expect([read.id, props(read)[property]]).toEqual([created.id, value]);
    const { outputs } = await make.run('findObject', {
      object_type: objectType,
      search_property: property,
      search_value: value,
    });
    expect(outputs.map((o) => (o as Json).id)).toEqual([created.id]);
  });

  it('updates, gets and finds a user; creating or archiving one stops before any call', async () => {
    const id = seed('0-115', { hs_email: 'make-user@example.com' });
    const updated = await make.action('updateObject', {
      object_type: 'users',
      record_id: id,
      hs_job_title: 'CFO',
    });
    expect(props(updated).hs_job_title).toBe('CFO');
    const { outputs } = await make.run('findObject', {
      object_type: 'users',
      search_property: 'hs_email',
      search_value: 'make-user@example.com',
    });
    expect(outputs.map((o) => (o as Json).id)).toEqual([id]);

    make.requests = [];
    expect(
      await makeErrorOf(make.action('createObject', { object_type: 'users', hs_job_title: 'Intern' })),
    ).toEqual({
      type: 'DataError',
      message: "Object type (object_type): Users can only be updated through HubSpot's API, not created.",
    });
    expect(
      await makeErrorOf(make.action('archiveObject', { object_type: '0-115', record_id: id })),
    ).toMatchObject({ type: 'DataError', message: expect.stringMatching(/Users .* not archived\.$/) });
    expect(make.requests).toEqual([]);
  });

  it('gets and finds goal targets; any write to them, or to feedback submissions, stops before any call', async () => {
    const id = seed('0-74', { hs_goal_name: 'Make goal' });
    const read = await make.action('getObject', { object_type: 'goal_targets', record_id: id });
    expect(read.id).toBe(id);
    const { outputs } = await make.run('findObject', {
      object_type: 'goal_targets',
      search_property: 'hs_goal_name',
      search_value: 'Make goal',
    });
    expect(outputs.map((o) => (o as Json).id)).toEqual([id]);

    make.requests = [];
    for (const [module, parameters] of [
      ['updateObject', { object_type: 'goal_targets', record_id: id, hs_goal_name: 'x' }],
      ['createObject', { object_type: '0-74', hs_goal_name: 'x' }],
      [
        'createOrUpdateObject',
        { object_type: 'goal_targets', search_property: 'hs_goal_name', search_value: 'x' },
      ],
      ['createObject', { object_type: 'feedback_submissions', hs_sentiment: 'POSITIVE' }],
    ] as const) {
      expect(await makeErrorOf(make.action(module, parameters as Json))).toEqual({
        type: 'DataError',
        message: expect.stringMatching(
          /^Object type \(object_type\): (Goal targets|Feedback submissions) are read only/,
        ),
      });
    }
    expect(make.requests).toEqual([]);
  });

  it('lists the new types in the object-type dropdown', async () => {
    const items = await make.rpc('listObjectTypes');
    const labels = Object.fromEntries(items.map((i) => [i.value, i.label]));
    expect(labels.users).toBe('Users (update only)');
    expect(labels.goal_targets).toBe('Goal targets (read only)');
    expect(labels.commerce_payments).toMatch(/^Payments \(needs HubSpot payments/);
    expect(labels.subscriptions).toMatch(/^Subscriptions \(needs/);
  });
});
