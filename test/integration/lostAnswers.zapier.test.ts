import { liveCount, runner, useZapierSandbox } from '../support/crm';
import { appTester, testApp } from '../support/zapier';

/**
 * Writes whose answer is lost: HubSpot processed the request, then the connection broke or timed out (the sandbox's
 * `dropAfterHandling` fault). A create must not say "try again" (a replay duplicates the record); it reads the record
 * back when a unique value proves which one it wrote, and otherwise says how to check. An upsert replayed after such a
 * loss must still report that it created the record.
 */
describe('Zapier creates and upserts whose answer is lost', () => {
  const context = useZapierSandbox();
  const { create } = runner(context);
  const count = (typeId: string) => liveCount(context.t, typeId);
  const calls = () => context.t.sandbox.log.countsByEndpoint();
  const loseAnswer = (path: string) =>
    context.t.sandbox.faults.add({ method: 'POST', path, dropAfterHandling: true });
  /** The message of a step that must fail (Zapier's app tester wraps it in JSON). */
  const failure = async (step: Promise<unknown>): Promise<string> => {
    const error = await step.then(
      () => new Error('the step succeeded'),
      (e: Error) => e,
    );
    return (JSON.parse(error.message) as { message: string }).message;
  };
  /** Moves a record's creation an hour back, as if it had existed long before the step. */
  const backdate = (typeId: string, id: string) => {
    const records = context.t.sandbox.portal.records;
    const record = records.get(typeId, id)!;
    records.put({ ...record, createdAt: record.createdAt - 3_600_000 }, record);
  };

  it.each([
    ['create_contact', '0-1', '/crm/v3/objects/contacts', { email: 'lost@example.com', firstname: 'Lost' }],
    ['create_product', '0-7', '/crm/v3/objects/products', { name: 'Lost widget', hs_sku: 'LOST-1' }],
  ])(
    '%s reads the record back by its unique value and returns it, creating one record',
    async (key, typeId, path, input) => {
      const before = count(typeId);
      loseAnswer(path);
      const created = await create(key, input);
      expect(count(typeId)).toBe(before + 1);
      const stored = context.t.sandbox.portal.records.get(typeId, created.id)!;
      expect(stored.properties).toMatchObject(input);
      expect(created.properties).toMatchObject(input);
      expect(calls()).toMatchObject({
        'POST /crm/v3/objects/:objectType': 1,
        'GET /crm/v3/objects/:objectType/:objectId': 1,
      });
    },
  );

  it('does not pass off a contact that existed before as the one it created', async () => {
    const old = await create('create_contact', { email: 'older@example.com' });
    backdate('0-1', old.id);
    const before = count('0-1');
    loseAnswer('/crm/v3/objects/contacts');
    const message = await failure(
      create('create_contact', { email: 'older@example.com', firstname: 'Again' }),
    );
    expect(message).toMatch(
      /may have created the contact.*search contacts for Email \(email\) "older@example\.com"/,
    );
    expect(message).not.toMatch(/try again/i);
    expect(count('0-1')).toBe(before);
  });

  it('create_deal (no unique property) says the deal may exist and what to search for, not "try again"', async () => {
    const before = count('0-3');
    loseAnswer('/crm/v3/objects/deals');
    const message = await failure(
      create('create_deal', { dealname: 'Lost deal', dealstage: 'appointmentscheduled' }),
    );
    expect(message).toMatch(/may have created the deal.*search deals for Deal Name \(dealname\) "Lost deal"/);
    expect(message).not.toMatch(/try again/i);
    expect(count('0-3')).toBe(before + 1);
  });

  it('an upsert replayed after a lost answer still reports the record as created', async () => {
    const before = count('0-1');
    loseAnswer('/crm/v3/objects/contacts/batch/upsert');
    const result = await create('create_or_update_contact', {
      id_property: 'email',
      email: 'replayed@example.com',
      firstname: 'Re',
    });
    expect(count('0-1')).toBe(before + 1);
    expect(calls()['POST /crm/v3/objects/:objectType/batch/upsert']).toBe(2);
    expect(result).toMatchObject({ is_new: true, properties: { email: 'replayed@example.com' } });
  });

  it('a bulk upsert replayed after a lost answer still reports the record as created', async () => {
    loseAnswer('/crm/v3/objects/contacts/batch/upsert');
    const buffered = (testApp.creates as Record<string, { operation: { performBuffer: unknown } }>)
      .batch_upsert!;
    const inputData = { object_type: 'contacts', id_property: 'email', email: 'bulk-replayed@example.com' };
    const results = (await appTester(
      buffered.operation.performBuffer as never,
      {
        authData: context.authData,
        inputData: {},
        buffer: [{ meta: { id: 'run-1' }, inputData }],
      } as never,
    )) as Record<string, { outputData?: Record<string, unknown> }>;
    expect(calls()['POST /crm/v3/objects/:objectType/batch/upsert']).toBe(2);
    expect(results['run-1']!.outputData).toMatchObject({
      is_new: true,
      properties: { email: inputData.email },
    });
  });

  it('an upsert of a record that existed before, replayed after a lost answer, reports an update', async () => {
    const old = await create('create_contact', { email: 'kept@example.com' });
    backdate('0-1', old.id);
    loseAnswer('/crm/v3/objects/contacts/batch/upsert');
    const result = await create('create_or_update_contact', {
      id_property: 'email',
      email: 'kept@example.com',
      lastname: 'Kept',
    });
    expect(calls()['POST /crm/v3/objects/:objectType/batch/upsert']).toBe(2);
    expect(result).toMatchObject({ id: old.id, is_new: false });
  });
});
