import { startTestSandbox, type TestSandbox } from '../support/sandbox';

// biome-ignore lint/suspicious/noExplicitAny: answers are read field by field in assertions
const body = async (res: Response): Promise<any> => res.json();

/** Workflows (v4 list, id mappings, v2 enrollment) and sequences v4 over plain HTTP: statuses, errors, scopes. */
describe('sandbox automation', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ rateLimits: false });
  });
  afterAll(() => t.close());
  afterEach(() => {
    for (const f of ['workflows', 'sequences'] as const) t.sandbox.portal.features.add(f);
  });

  const contact = async (email: string): Promise<string> =>
    (await body(await t.call('POST', '/crm/v3/objects/contacts', { properties: { email } }))).id;

  it('lists flows, maps a flow id to its workflow id (207 for an unknown one), and enrolls a contact (204)', async () => {
    const flows = await body(await t.call('GET', '/automation/v4/flows'));
    const welcome = flows.results.find((f: { name: string }) => f.name === 'Welcome series');
    expect(welcome).toMatchObject({ isEnabled: true, objectTypeId: '0-1', flowType: 'WORKFLOW' });

    const mapped = await t.call('POST', '/automation/v4/workflow-id-mappings/batch/read', {
      inputs: [{ type: 'FLOW_ID', flowId: welcome.id }],
    });
    expect(mapped.status).toBe(200);
    const workflowId = (await body(mapped)).results[0].workflowId;
    expect(workflowId).not.toBe(Number(welcome.id));

    const partial = await t.call('POST', '/automation/v4/workflow-id-mappings/batch/read', {
      inputs: [
        { type: 'FLOW_ID', flowId: welcome.id },
        { type: 'FLOW_ID', flowId: '1' },
      ],
    });
    expect(partial.status).toBe(207);
    expect((await body(partial)).numErrors).toBe(1);

    await contact('enroll.me@example.com');
    const path = `/automation/v2/workflows/${workflowId}/enrollments/contacts/enroll.me%40example.com`;
    const enrolled = await t.call('POST', path);
    expect(enrolled.status).toBe(204);
    expect(t.sandbox.portal.automation.enrolledInWorkflow(workflowId)).toEqual(['enroll.me@example.com']);
  });

  it('refuses an unknown workflow or contact (404) and a non-contact workflow (400)', async () => {
    await contact('known@example.com');
    expect(
      (await t.call('POST', '/automation/v2/workflows/1/enrollments/contacts/known%40example.com')).status,
    ).toBe(404);
    const missing = await t.call(
      'POST',
      '/automation/v2/workflows/9100001/enrollments/contacts/nobody%40example.com',
    );
    expect(missing.status).toBe(404);
    const deals = await t.call(
      'POST',
      '/automation/v2/workflows/9100004/enrollments/contacts/known%40example.com',
    );
    expect(deals.status).toBe(400);
    expect((await body(deals)).category).toBe('VALIDATION_ERROR');
  });

  it('lists a user’s sequences (userId required) and enrolls a contact once (200, then 400)', async () => {
    expect((await t.call('GET', '/automation/v4/sequences')).status).toBe(400);
    const list = await body(await t.call('GET', '/automation/v4/sequences?userId=2002'));
    expect(list.results.map((s: { name: string }) => s.name)).toEqual(['First touch', 'Demo follow-up']);

    const contactId = await contact('lead@example.com');
    const enroll = (sender: string) =>
      t.call('POST', '/automation/v4/sequences/enrollments?userId=2002', {
        contactId,
        sequenceId: '300001',
        senderEmail: sender,
      });
    const wrongSender = await enroll('someone.else@example.com');
    expect(wrongSender.status).toBe(400);
    expect((await body(wrongSender)).message).toContain('senderEmail');
    const ok = await enroll('alice.martin@example.com');
    expect(ok.status).toBe(200);
    expect(await body(ok)).toMatchObject({ id: expect.stringMatching(/^\d+$/), toEmail: 'lead@example.com' });
    expect((await enroll('alice.martin@example.com')).status).toBe(400);
  });

  it('answers 403 MISSING_SCOPES without the sequences scope, and 403 FORBIDDEN on a portal without the product', async () => {
    const token = t.sandbox.portal.auth.createPrivateAppToken({ scopes: ['automation.sequences.read'] });
    const res = await fetch(`${t.url}/automation/v4/sequences/enrollments?userId=2002`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(JSON.stringify(await body(res))).toContain('automation.sequences.enrollments.write');

    t.sandbox.portal.features.delete('sequences');
    const refused = await t.call('GET', '/automation/v4/sequences?userId=2002');
    expect(refused.status).toBe(403);
    expect(await body(refused)).toMatchObject({
      category: 'FORBIDDEN',
      message: expect.stringContaining('Sales Hub'),
    });
    t.sandbox.portal.features.delete('workflows');
    expect((await t.call('GET', '/automation/v4/flows')).status).toBe(403);
  });
});
