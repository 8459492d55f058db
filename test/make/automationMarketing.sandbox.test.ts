import type { Json } from '../../make/model';
import { MakeRunner, makeErrorOf } from '../support/make';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

/**
 * The generated Make modules for workflows, sequences, subscription preferences, behavioral and timeline events,
 * transactional e-mail and file search, run by the IML evaluator against the sandbox: each effect is read back from
 * the sandbox's state, and HubSpot's refusals reach Make with their error type.
 */
describe('Make automation, marketing and file modules against the sandbox', () => {
  let t: TestSandbox;
  let make: MakeRunner;

  beforeAll(async () => {
    t = await startTestSandbox();
    make = new MakeRunner(t.url, { accessToken: t.token });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    t.sandbox.portal.limits.reset();
    make.requests = [];
  });
  afterEach(() => {
    for (const f of ['workflows', 'sequences', 'behavioralEvents', 'transactionalEmail'] as const)
      t.sandbox.portal.features.add(f);
  });

  const portal = () => t.sandbox.portal;
  const contact = async (email: string) => String((await make.action('createContact', { email })).id);

  it('enrolls a contact in a workflow picked from the RPC: the id mapping, then the v2 enrollment', async () => {
    const workflows = await make.rpc('listWorkflows');
    expect(workflows.map((w) => w.label)).toEqual([
      'Welcome series',
      'Re-engage cold leads',
      'Old nurture (off)',
    ]);
    await contact('make-wf@example.com');
    make.requests = [];
    const out = await make.action('enrollInWorkflow', {
      workflow_id: workflows[1]!.value,
      email: 'make-wf@example.com',
    });
    expect(out).toMatchObject({ legacy_workflow_id: 9_100_002, enrolled: true });
    expect(make.requests.map((r) => r.method)).toEqual(['POST', 'POST']);
    expect(portal().automation.enrolledInWorkflow(9_100_002)).toEqual(['make-wf@example.com']);
    // An unknown workflow stops the module naming the field, before any enrollment is sent.
    make.requests = [];
    expect(
      await makeErrorOf(make.action('enrollInWorkflow', { workflow_id: '1', email: 'make-wf@example.com' })),
    ).toEqual({
      type: 'DataError',
      message: 'Workflow (workflow_id): no workflow has ID 1.',
    });
    expect(make.requests).toHaveLength(1);
    portal().features.delete('workflows');
    expect(
      await makeErrorOf(
        make.action('enrollInWorkflow', { workflow_id: workflows[1]!.value, email: 'make-wf@example.com' }),
      ),
    ).toMatchObject({ message: expect.stringContaining('Professional or Enterprise') });
  });

  it("enrolls a contact in one of the sending user's sequences", async () => {
    const users = await make.rpc('listUsers');
    expect(users).toContainEqual({ label: 'Alice Martin (alice.martin@example.com)', value: 2002 });
    const sequences = await make.rpc('listSequences', { user_id: 2002 });
    expect(sequences.map((s) => s.label)).toEqual(['First touch', 'Demo follow-up']);
    const id = await contact('make-seq@example.com');
    const out = await make.action('enrollInSequence', {
      user_id: 2002,
      sequence_id: sequences[1]!.value,
      contact_id: id,
      sender_email: 'alice.martin@example.com',
    });
    expect(out).toMatchObject({ id: expect.stringMatching(/^\d+$/), toEmail: 'make-seq@example.com' });
    expect(portal().automation.activeEnrollmentOf(id)?.sequenceId).toBe(String(sequences[1]!.value));
  });

  it('unsubscribes an e-mail from a subscription type, and refuses a bad legal basis with a DataError', async () => {
    const types = await make.rpc('listSubscriptionTypes');
    expect(types.map((d) => d.label)).not.toContain('Retired list');
    const out = await make.action('updateSubscription', {
      email: 'make-pref@example.com',
      subscription_id: types[0]!.value,
      status: 'NOT_SUBSCRIBED',
    });
    expect(out).toMatchObject({ status: 'NOT_SUBSCRIBED', subscriptionName: 'Newsletter' });
    expect(portal().marketing.status('make-pref@example.com', String(types[0]!.value))?.status).toBe(
      'NOT_SUBSCRIBED',
    );
    const refused = await makeErrorOf(
      make.action('updateSubscription', {
        email: 'make-pref@example.com',
        subscription_id: types[0]!.value,
        status: 'SUBSCRIBED',
        legal_basis: 'BECAUSE',
        legal_basis_explanation: 'x',
      }),
    );
    expect(refused).toMatchObject({ type: 'DataError', message: expect.stringContaining('legalBasis') });
  });

  it('sends a behavioral event with JSON properties, and none when the properties field is empty', async () => {
    const events = await make.rpc('listEventDefinitions');
    expect(events).toContainEqual({ label: 'App login', value: 'pe62515_app_login' });
    await make.action('sendBehavioralEvent', {
      event_name: 'pe62515_app_login',
      email: 'make-ev@example.com',
      properties: '{"plan": "team"}',
    });
    expect(portal().events.occurrences.at(-1)).toMatchObject({ properties: { plan: 'team' } });
    make.requests = [];
    await make.action('sendBehavioralEvent', {
      event_name: 'pe62515_app_login',
      email: 'make-ev@example.com',
    });
    expect((make.requests[0]!.body as Json).properties).toBeUndefined();
  });

  it('creates a timeline event on an OAuth connection (the template id is typed: no RPC on Make)', async () => {
    expect(make.app.rpcs.map((r) => r.name)).not.toContain('listTimelineTemplates');
    const app = portal().auth.registerOAuthApp();
    const { accessToken } = portal().auth.issueOAuthTokens(app, ['timeline', 'crm.objects.contacts.write']);
    const oauth = new MakeRunner(t.url, { accessToken });
    const id = await contact('make-tl@example.com');
    const out = await oauth.action('createTimelineEvent', {
      event_template_id: `${app.appId}001`,
      object_id: id,
      tokens: '{"webinarName": "Intro", "minutes": 5}',
    });
    expect(out).toMatchObject({
      objectId: id,
      objectType: 'contacts',
      tokens: { webinarName: 'Intro', minutes: '5' },
    });
  });

  it('sends a transactional e-mail chosen from the RPC; a draft is refused', async () => {
    const emails = await make.rpc('listTransactionalEmails');
    expect(emails.map((e) => e.label)).toEqual(['Order confirmation', 'Password reset']);
    const out = await make.action('sendTransactionalEmail', {
      email_id: emails[1]!.value,
      to: 'make-buyer@example.com',
      contact_properties: '{"firstname": "Mo"}',
    });
    expect(out).toMatchObject({ status: 'PENDING' });
    expect(portal().marketing.sends.at(-1)).toMatchObject({
      emailId: 41000002,
      to: 'make-buyer@example.com',
    });
    expect(
      await makeErrorOf(make.action('sendTransactionalEmail', { email_id: 41000003, to: 'a@example.com' })),
    ).toMatchObject({
      type: 'DataError',
    });
  });

  it('finds a private file with a signed link (2 requests), a public one with its URL (1), nothing as no bundle', async () => {
    const add = (name: string, access: 'PRIVATE' | 'PUBLIC_NOT_INDEXABLE') =>
      portal().files.add({
        name,
        extension: 'pdf',
        type: 'DOCUMENT',
        size: 10,
        fileMd5: 'x',
        access,
        path: `/make/${name}.pdf`,
        url: `https://files.example.com/${name}.pdf`,
        createdAt: portal().now(),
        updatedAt: portal().now(),
        archived: false,
      });
    const secret = add('make-secret', 'PRIVATE');
    add('make-open', 'PUBLIC_NOT_INDEXABLE');
    const { outputs } = await make.run('findFile', { name: 'make-secret', expiration_seconds: 120 });
    expect(outputs).toEqual([
      expect.objectContaining({
        id: secret.id,
        access: 'PRIVATE',
        url: expect.stringContaining('Signature='),
      }),
    ]);
    expect(make.requests).toHaveLength(2);
    make.requests = [];
    const open = await make.run('findFile', { name: 'make-open' });
    expect(open.outputs).toEqual([
      expect.objectContaining({ url: 'https://files.example.com/make-open.pdf' }),
    ]);
    expect(make.requests).toHaveLength(1);
    expect((await make.run('findFile', { name: 'no-such-file' })).outputs).toEqual([]);
  });
});
