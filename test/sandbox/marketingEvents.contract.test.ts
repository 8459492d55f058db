import { Client } from '@hubspot/api-client';
import { useSdkSandbox } from '../support/sdk';

// biome-ignore lint/suspicious/noExplicitAny: answers are read field by field in assertions
const body = async (res: Response): Promise<any> => res.json();

/**
 * Behavioral events, timeline events, transactional e-mail and file search / signed URLs through @hubspot/api-client
 * 14 (its accepted statuses: 204, 201, 200, 200); subscription preferences v4 over plain HTTP (the SDK has v3 only).
 */
describe('sandbox marketing and event endpoints', () => {
  const ctx = useSdkSandbox();
  afterEach(() => {
    for (const f of ['behavioralEvents', 'transactionalEmail'] as const) ctx.t.sandbox.portal.features.add(f);
    ctx.t.sandbox.portal.marketing.gdprEnabled = false;
  });

  const contact = async (email: string) =>
    (await ctx.client.crm.contacts.basicApi.create({ properties: { email }, associations: [] })).id;

  it('sends a behavioral event (204) and refuses an unknown event or property (400)', async () => {
    const definitions = await body(await ctx.t.call('GET', '/events/v3/event-definitions'));
    const login = definitions.results.find((d: { name: string }) => d.name === 'app_login');
    expect(login.fullyQualifiedName).toBe('pe62515_app_login');
    await ctx.client.events.send.basicApi.send({
      eventName: login.fullyQualifiedName,
      email: 'events@example.com',
      properties: { plan: 'pro' },
    });
    expect(ctx.t.sandbox.portal.events.occurrences.at(-1)).toMatchObject({ properties: { plan: 'pro' } });
    await expect(
      ctx.client.events.send.basicApi.send({
        eventName: 'pe62515_nope',
        email: 'e@example.com',
        properties: {},
      }),
    ).rejects.toMatchObject({ code: 400 });
    const badProperty = await ctx.t.call('POST', '/events/v3/send', {
      eventName: login.fullyQualifiedName,
      email: 'e@example.com',
      properties: { colour: 'red' },
    });
    expect(badProperty.status).toBe(400);
    expect((await body(badProperty)).message).toContain('colour');
    ctx.t.sandbox.portal.features.delete('behavioralEvents');
    expect((await ctx.t.call('GET', '/events/v3/event-definitions')).status).toBe(403);
  });

  it('creates a timeline event from the OAuth app’s template (201), checks tokens, refuses a private app (403)', async () => {
    const portal = ctx.t.sandbox.portal;
    const app = portal.auth.registerOAuthApp();
    const { accessToken } = portal.auth.issueOAuthTokens(app, ['timeline', 'crm.objects.contacts.write']);
    const templates = await body(
      await fetch(
        `${ctx.t.url}/integrators/timeline/v3/${app.appId}/event-templates?hapikey=${portal.auth.developerApiKey}`,
      ),
    );
    const template = templates.results[0];
    expect(template.tokens.map((k: { name: string }) => k.name)).toEqual(['webinarName', 'minutes']);
    await contact('timeline@example.com');
    const oauth = new Client({ accessToken, basePath: ctx.t.url });
    const created = await oauth.crm.timeline.eventsApi.create({
      eventTemplateId: template.id,
      email: 'timeline@example.com',
      tokens: { webinarName: 'Pricing 101', minutes: '42' },
    });
    expect(created).toMatchObject({ eventTemplateId: template.id, objectType: 'contacts' });
    await expect(
      oauth.crm.timeline.eventsApi.create({
        eventTemplateId: template.id,
        email: 'timeline@example.com',
        tokens: { minutes: 'many' },
      }),
    ).rejects.toMatchObject({ code: 400 });
    const privateApp = await ctx.t.call('POST', '/integrators/timeline/v3/events', {
      eventTemplateId: template.id,
      email: 'timeline@example.com',
      tokens: {},
    });
    expect(privateApp.status).toBe(403);
  });

  it('sends a transactional e-mail (200 PENDING), creating the contact, and refuses a draft (400) or no add-on (403)', async () => {
    const sent = await ctx.client.marketing.transactional.singleSendApi.sendEmail({
      emailId: 41000001,
      message: { to: 'buyer@example.com' },
      customProperties: { order_id: 'A-1' },
      contactProperties: { firstname: 'Bea' },
    } as never);
    expect(sent).toMatchObject({ status: 'PENDING', statusId: expect.any(String) });
    const buyer = await ctx.client.crm.contacts.basicApi.getById(
      'buyer@example.com',
      ['firstname'],
      undefined,
      undefined,
      false,
      'email',
    );
    expect(buyer.properties.firstname).toBe('Bea');
    const draft = await ctx.t.call('POST', '/marketing/v3/transactional/single-email/send', {
      emailId: 41000003,
      message: { to: 'buyer@example.com' },
    });
    expect(draft.status).toBe(400);
    ctx.t.sandbox.portal.features.delete('transactionalEmail');
    const refused = await ctx.t.call('POST', '/marketing/v3/transactional/single-email/send', {
      emailId: 41000001,
      message: { to: 'buyer@example.com' },
    });
    expect(refused.status).toBe(403);
    expect((await body(refused)).message).toContain('Transactional Email add-on');
  });

  it('searches files by name and extension, newest first, and signs a URL (200) that expires', async () => {
    const upload = async (name: string) => {
      const form = new FormData();
      form.append('file', new Blob(['x']), name);
      form.append('folderPath', '/docs');
      form.append('options', JSON.stringify({ access: 'PRIVATE' }));
      await fetch(`${ctx.t.url}/files/v3/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ctx.t.token}` },
        body: form,
      });
    };
    await upload('invoice-1.pdf');
    await upload('invoice-2.pdf');
    await upload('invoice-3.png');
    const found = await ctx.client.files.filesApi.doSearch(
      undefined,
      undefined,
      undefined,
      10,
      ['-createdAt'],
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      'invoice',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      'pdf',
    );
    expect(found.results.map((f) => `${f.name}.${f.extension}`)).toEqual(['invoice-2.pdf', 'invoice-1.pdf']);
    const signed = await ctx.client.files.filesApi.getSignedUrl(found.results[0]!.id, undefined, 600);
    expect(signed.url).toContain('Signature=');
    expect(signed.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(600_000);
    expect(signed.expiresAt.getTime() - Date.now()).toBeGreaterThan(590_000);
    await expect(ctx.client.files.filesApi.getSignedUrl('1')).rejects.toMatchObject({ code: 404 });
  });

  it('sets a subscription status (v4, resubscribe allowed) and needs a legal basis when GDPR is on', async () => {
    const definitions = await body(await ctx.t.call('GET', '/communication-preferences/v4/definitions'));
    expect(definitions.results.map((d: { name: string }) => d.name)).toContain('Newsletter');
    const set = (statusState: string, extra: Record<string, unknown> = {}) =>
      ctx.t.call('POST', '/communication-preferences/v4/statuses/sub%40example.com', {
        channel: 'EMAIL',
        subscriptionId: 7001,
        statusState,
        ...extra,
      });
    expect((await body(await set('NOT_SUBSCRIBED'))).results[0]).toMatchObject({ status: 'NOT_SUBSCRIBED' });
    expect((await body(await set('SUBSCRIBED'))).results[0]).toMatchObject({ status: 'SUBSCRIBED' });
    expect((await body(await set('SUBSCRIBED'))).results[0].setStatusSuccessReason).toBe('NO_STATUS_CHANGE');
    expect((await set('MAYBE')).status).toBe(400);
    ctx.t.sandbox.portal.marketing.gdprEnabled = true;
    expect((await set('SUBSCRIBED')).status).toBe(400);
    const withBasis = await set('SUBSCRIBED', {
      legalBasis: 'CONSENT_WITH_NOTICE',
      legalBasisExplanation: 'Form',
    });
    expect(withBasis.status).toBe(200);
    expect((await set('SUBSCRIBED', { legalBasis: 'BECAUSE', legalBasisExplanation: 'x' })).status).toBe(400);
  });
});
