import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { run, useBaseUrl } from '../support/zapier';

type Item = { id: string; label: string };

/**
 * Workflows, sequences, subscription preferences, behavioral and timeline events, transactional e-mail and file
 * search through the real Zapier app against the sandbox: each step's effect is read back from the sandbox's state,
 * bad input names the field before any call, and a portal without the product gets a message naming it.
 */
describe('Zapier automation, marketing and file operations', () => {
  let t: TestSandbox;
  let authData: Record<string, string>;

  beforeAll(async () => {
    t = await startTestSandbox();
    useBaseUrl(t.url);
    authData = { access_token: t.token, hub_id: String(t.sandbox.portal.info.portalId) };
  });
  afterAll(() => t.close());
  beforeEach(() => {
    t.sandbox.log.clear();
    t.sandbox.portal.limits.reset();
  });
  afterEach(() => {
    for (const f of ['workflows', 'sequences', 'behavioralEvents', 'transactionalEmail'] as const)
      t.sandbox.portal.features.add(f);
  });

  const portal = () => t.sandbox.portal;
  const calls = () => t.sandbox.log.countsByEndpoint();
  const total = () => Object.values(calls()).reduce((a, b) => a + b, 0);
  const contact = async (email: string) =>
    ((await run('creates', 'create_contact', { authData, inputData: { email } })) as { id: string }).id;
  const dropdown = async (key: string, inputData: Record<string, unknown> = {}) =>
    (await run('triggers', key, { authData, inputData })) as Item[];

  it('enrolls a contact in the workflow chosen from the dropdown, in 2 calls', async () => {
    const workflows = await dropdown('workflow_list');
    // Contact workflows only, enabled first; the deal workflow is not offered.
    expect(workflows.map((w) => w.label)).toEqual([
      'Welcome series',
      'Re-engage cold leads',
      'Old nurture (off)',
    ]);
    await contact('wf@example.com');
    t.sandbox.log.clear();
    const out = (await run('creates', 'enroll_in_workflow', {
      authData,
      inputData: { workflow_id: workflows[0]!.id, email: 'wf@example.com' },
    })) as Record<string, unknown>;
    expect(out).toMatchObject({
      workflow_id: workflows[0]!.id,
      legacy_workflow_id: 9100001,
      enrolled: true,
    });
    expect(portal().automation.enrolledInWorkflow(9_100_001)).toEqual(['wf@example.com']);
    expect(total()).toBe(2);
  });

  it('refuses a bad e-mail or an unknown workflow naming the field, and says which product a refusal needs', async () => {
    await expect(
      run('creates', 'enroll_in_workflow', {
        authData,
        inputData: { workflow_id: '585051946', email: 'nope' },
      }),
    ).rejects.toThrow(/Contact e-mail.*not an e-mail address/);
    expect(total()).toBe(0);
    await expect(
      run('creates', 'enroll_in_workflow', {
        authData,
        inputData: { workflow_id: '1', email: 'a@example.com' },
      }),
    ).rejects.toThrow(/Workflow.*no workflow has ID 1/);
    portal().features.delete('workflows');
    await expect(
      run('creates', 'enroll_in_workflow', {
        authData,
        inputData: { workflow_id: '585051946', email: 'a@example.com' },
      }),
    ).rejects.toThrow(/This action needs .*Professional or Enterprise/);
  });

  it("enrolls a contact in a sequence chosen from the sending user's sequences, once", async () => {
    const users = await dropdown('user_list');
    expect(users).toContainEqual({ id: '2002', label: 'Alice Martin — alice.martin@example.com' });
    expect(await dropdown('sequences_of_user_id_list')).toEqual([]);
    const sequences = await dropdown('sequences_of_user_id_list', { user_id: '2002' });
    expect(sequences.map((s) => s.label)).toEqual(['First touch', 'Demo follow-up']);
    const id = await contact('seq@example.com');
    const inputData = {
      user_id: '2002',
      sequence_id: sequences[0]!.id,
      contact_id: id,
      sender_email: 'alice.martin@example.com',
    };
    const out = (await run('creates', 'enroll_in_sequence', { authData, inputData })) as Record<
      string,
      unknown
    >;
    expect(out).toMatchObject({ id: expect.stringMatching(/^\d+$/), toEmail: 'seq@example.com' });
    await expect(run('creates', 'enroll_in_sequence', { authData, inputData })).rejects.toThrow(
      /already enrolled/,
    );
    await expect(
      run('creates', 'enroll_in_sequence', {
        authData,
        inputData: { ...inputData, contact_id: 'seq@example.com' },
      }),
    ).rejects.toThrow(/Contact ID/);
    portal().features.delete('sequences');
    await expect(run('creates', 'enroll_in_sequence', { authData, inputData })).rejects.toThrow(
      /Sales Hub or Service Hub Professional or Enterprise seat/,
    );
  });

  it('unsubscribes then resubscribes an e-mail, with a legal basis when GDPR is on', async () => {
    const types = await dropdown('subscription_type_list');
    expect(types.map((d) => d.label)).toEqual(['Newsletter', 'Product updates', 'One to one']);
    const change = (status: string, extra: Record<string, unknown> = {}) =>
      run('creates', 'update_subscription', {
        authData,
        inputData: { email: 'pref@example.com', subscription_id: types[0]!.id, status, ...extra },
      }) as Promise<Record<string, unknown>>;
    expect(await change('NOT_SUBSCRIBED')).toMatchObject({
      status: 'NOT_SUBSCRIBED',
      subscriptionName: 'Newsletter',
    });
    expect(portal().marketing.status('pref@example.com', types[0]!.id)?.status).toBe('NOT_SUBSCRIBED');
    expect(await change('SUBSCRIBED')).toMatchObject({ status: 'SUBSCRIBED', subscriptionId: types[0]!.id });
    await expect(change('MAYBE')).rejects.toThrow(
      /Subscribe or unsubscribe.*Allowed: SUBSCRIBED, NOT_SUBSCRIBED/,
    );
    await expect(change('SUBSCRIBED', { legal_basis: 'CONSENT_WITH_NOTICE' })).rejects.toThrow(
      /Legal basis explanation.*required with a legal basis/,
    );
    portal().marketing.gdprEnabled = true;
    try {
      await expect(change('SUBSCRIBED')).rejects.toThrow(/legalBasis/);
      const ok = await change('SUBSCRIBED', {
        legal_basis: 'CONSENT_WITH_NOTICE',
        legal_basis_explanation: 'Form',
      });
      expect(ok.status).toBe('SUBSCRIBED');
      expect(portal().marketing.status('pref@example.com', types[0]!.id)?.legalBasis).toBe(
        'CONSENT_WITH_NOTICE',
      );
    } finally {
      portal().marketing.gdprEnabled = false;
    }
  });

  it('sends a behavioral event with properties, refusing bad JSON or no contact before any call', async () => {
    const events = await dropdown('event_definition_list');
    expect(events).toContainEqual({ id: 'pe62515_app_login', label: 'App login' });
    t.sandbox.log.clear();
    await run('creates', 'send_behavioral_event', {
      authData,
      inputData: { event_name: 'pe62515_app_login', email: 'ev@example.com', properties: '{"plan": "pro"}' },
    });
    expect(portal().events.occurrences.at(-1)).toMatchObject({
      eventName: 'pe62515_app_login',
      objectId: 'ev@example.com',
      properties: { plan: 'pro' },
    });
    expect(total()).toBe(1);
    await expect(
      run('creates', 'send_behavioral_event', {
        authData,
        inputData: { event_name: 'pe62515_app_login', email: 'ev@example.com', properties: '{plan' },
      }),
    ).rejects.toThrow(/Event properties.*JSON object/);
    await expect(
      run('creates', 'send_behavioral_event', { authData, inputData: { event_name: 'pe62515_app_login' } }),
    ).rejects.toThrow(/Contact e-mail.*required unless a Contact ID/);
    expect(total()).toBe(1);
    portal().features.delete('behavioralEvents');
    await expect(
      run('creates', 'send_behavioral_event', {
        authData,
        inputData: { event_name: 'pe62515_app_login', email: 'ev@example.com' },
      }),
    ).rejects.toThrow(/Enterprise/);
  });

  it('creates a timeline event from a template listed with the developer key, on an OAuth connection', async () => {
    const app = portal().auth.registerOAuthApp();
    const { accessToken } = portal().auth.issueOAuthTokens(app, [
      'oauth',
      'timeline',
      'crm.objects.contacts.write',
    ]);
    process.env.HUBSPOT_APP_ID = String(app.appId);
    process.env.HUBSPOT_DEVELOPER_API_KEY = portal().auth.developerApiKey;
    try {
      const templates = await dropdown('timeline_template_list');
      expect(templates).toEqual([{ id: `${app.appId}001`, label: 'Webinar attended' }]);
      const id = await contact('tl@example.com');
      const out = (await run('creates', 'create_timeline_event', {
        authData: { access_token: accessToken },
        inputData: {
          event_template_id: templates[0]!.id,
          email: 'tl@example.com',
          tokens: '{"webinarName": "Pricing 101", "minutes": 42}',
          event_reference: 'webinar-1-tl',
        },
      })) as Record<string, unknown>;
      expect(out).toMatchObject({ id: 'webinar-1-tl', objectId: id, objectType: 'contacts' });
      expect(portal().events.timelineEvent(templates[0]!.id, 'webinar-1-tl')?.tokens).toEqual({
        webinarName: 'Pricing 101',
        minutes: '42',
      });
      // The developer key never shows in the request log's paths.
      expect(JSON.stringify(t.sandbox.log.all())).not.toContain(portal().auth.developerApiKey);
    } finally {
      delete process.env.HUBSPOT_APP_ID;
      delete process.env.HUBSPOT_DEVELOPER_API_KEY;
    }
    expect(await dropdown('timeline_template_list')).toEqual([]);
  });

  it('sends a published transactional e-mail from the dropdown; without the add-on the error says so', async () => {
    const emails = await dropdown('transactional_email_list');
    expect(emails.map((e) => e.label)).toEqual(['Order confirmation', 'Password reset']);
    const out = (await run('creates', 'send_transactional_email', {
      authData,
      inputData: {
        email_id: emails[0]!.id,
        to: 'buyer@example.com',
        send_reference: 'order-1042',
        custom_properties: '{"order_id": "A-1042"}',
      },
    })) as Record<string, unknown>;
    expect(out).toMatchObject({ status: 'PENDING', statusId: expect.any(String) });
    expect(portal().marketing.sends.at(-1)).toMatchObject({
      to: 'buyer@example.com',
      customProperties: { order_id: 'A-1042' },
    });
    await expect(
      run('creates', 'send_transactional_email', {
        authData,
        inputData: { email_id: 'receipt', to: 'b@example.com' },
      }),
    ).rejects.toThrow(/Email ID/);
    portal().features.delete('transactionalEmail');
    await expect(
      run('creates', 'send_transactional_email', {
        authData,
        inputData: { email_id: emails[0]!.id, to: 'b@example.com' },
      }),
    ).rejects.toThrow(/This action needs the Transactional Email add-on/);
  });

  it('finds the newest matching file: a signed link for a private one (2 calls), its own URL for a public one (1)', async () => {
    const add = (name: string, access: 'PRIVATE' | 'PUBLIC_INDEXABLE', at: number) =>
      portal().files.add({
        name,
        extension: 'pdf',
        type: 'DOCUMENT',
        size: 10,
        fileMd5: 'x',
        access,
        path: `/docs/${name}.pdf`,
        url: `https://files.example.com/${name}.pdf`,
        createdAt: at,
        updatedAt: at,
        archived: false,
      });
    add('contract-old', 'PUBLIC_INDEXABLE', 1_000);
    const newest = add('contract-new', 'PRIVATE', 2_000);
    add('brochure', 'PUBLIC_INDEXABLE', 3_000);
    t.sandbox.log.clear();
    const [found] = (await run('searches', 'find_file', {
      authData,
      inputData: { name: 'contract', extension: '.PDF', expiration_seconds: '600' },
    })) as Array<Record<string, unknown>>;
    expect(found).toMatchObject({
      id: newest.id,
      access: 'PRIVATE',
      url: expect.stringContaining('Signature='),
    });
    const validFor = Date.parse(String(found!.expires_at)) - portal().now();
    expect(validFor).toBeGreaterThan(590_000);
    expect(validFor).toBeLessThanOrEqual(600_000);
    expect(total()).toBe(2);
    t.sandbox.log.clear();
    const [brochure] = (await run('searches', 'find_file', {
      authData,
      inputData: { name: 'brochure' },
    })) as Array<Record<string, unknown>>;
    expect(brochure).toMatchObject({ url: 'https://files.example.com/brochure.pdf', expires_at: null });
    expect(total()).toBe(1);
    expect(await run('searches', 'find_file', { authData, inputData: { name: 'nothing-like-it' } })).toEqual(
      [],
    );
    await expect(
      run('searches', 'find_file', {
        authData,
        inputData: { name: 'contract', expiration_seconds: '99999' },
      }),
    ).rejects.toThrow(/Link valid for.*1 to 21600/);
  });
});
