import { liveCount, runner, useZapierSandbox } from '../support/crm';

/**
 * The real Zapier app against the sandbox when HubSpot stalls, drops the connection, or a value cannot be sent:
 * timeouts from `HUBSPOT_REQUEST_TIMEOUT_MS` (kept short here), retries only where repeating is safe.
 */
describe('Zapier transport failures against the sandbox', () => {
  const context = useZapierSandbox();
  const { create, search } = runner(context);
  const TIMEOUT_MS = 300;
  // Ten times the timeout: "gave up at the timeout" stays true on a loaded machine, without timing the test tightly.
  const STALL_MS = 3_000;
  const contacts = () => liveCount(context.t, '0-1');
  const logged = (endpoint: string) => context.t.sandbox.log.countsByEndpoint()[endpoint] ?? 0;
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(() => {
    process.env.HUBSPOT_REQUEST_TIMEOUT_MS = String(TIMEOUT_MS);
  });
  afterAll(() => {
    delete process.env.HUBSPOT_REQUEST_TIMEOUT_MS;
  });

  it('gives up on a stalled create at the timeout, once, and warns it may have been made', async () => {
    context.t.sandbox.faults.add({ method: 'POST', path: '/crm/v3/objects/contacts', latencyMs: STALL_MS });
    const before = contacts();
    const started = Date.now();
    await expect(create('create_contact', { email: 'stalled@example.com' })).rejects.toThrow(
      /did not answer within 0\.3 seconds, so HubSpot may have created the contact anyway\. Before running the step again, check whether it exists/,
    );
    expect(Date.now() - started).toBeLessThan(STALL_MS);
    // The sandbox finishes the stalled write, as HubSpot may: which is why a create is never retried blind.
    await wait(STALL_MS);
    expect(logged('POST /crm/v3/objects/:objectType')).toBe(1);
    expect(contacts()).toBe(before + 1);
  });

  it('retries a stalled read once, without waiting for the stalled answer', async () => {
    const { id } = await create('create_contact', { email: 'read-me@example.com' });
    context.t.sandbox.faults.add({
      method: 'GET',
      path: `/crm/v3/objects/contacts/${id}`,
      latencyMs: STALL_MS,
    });
    const started = Date.now();
    const found = await search('find_contact', { search_property: 'hs_object_id', search_value: id });
    expect(Date.now() - started).toBeLessThan(STALL_MS);
    expect(found.map((r) => r.id)).toEqual([id]);
    await wait(STALL_MS);
    expect(logged('GET /crm/v3/objects/:objectType/:objectId')).toBe(2);
  });

  it('reports a dropped connection on a create as a connection failure, not retried', async () => {
    context.t.sandbox.faults.add({ method: 'POST', path: '/crm/v3/objects/contacts', drop: true, times: 2 });
    const before = contacts();
    await expect(create('create_contact', { email: 'dropped@example.com' })).rejects.toThrow(
      /connection to HubSpot failed before an answer arrived, so HubSpot may have created the contact anyway/,
    );
    expect(logged('fault:drop')).toBe(1);
    expect(contacts()).toBe(before);
  });

  it("halts on a value holding Zapier's {{bundle…}} curlies, naming the field, with no HubSpot call", async () => {
    const step = create('create_contact', {
      email: 'curly@example.com',
      firstname: '{{bundle.inputData.name}}',
    });
    await expect(step).rejects.toMatchObject({ name: 'HaltedError' });
    await expect(step).rejects.toThrow(/firstname: the value holds \{\{bundle\.inputData\.name\}\}/);
    expect(logged('POST /crm/v3/objects/:objectType')).toBe(0);
  });
});
