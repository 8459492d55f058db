import { ManualClock } from '../../sandbox';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { appTester, run, testApp, useBaseUrl } from '../support/zapier';

/**
 * HUBSPOT_API_VERSION=2026-03 end to end: the real Zapier app connects through OAuth 2026-03 and runs contacts,
 * companies, deals, associations, lists and a polling trigger against the sandbox on HubSpot's date-versioned paths,
 * with no call left on a numbered path that has a dated twin.
 */
describe('Zapier app on the 2026-03 path family', () => {
  let t: TestSandbox;
  let authData: Record<string, string>;
  const clock = new ManualClock(Date.now());
  const saved = process.env.HUBSPOT_API_VERSION;
  const auth = testApp.authentication as unknown as {
    oauth2Config: { authorizeUrl: unknown; getAccessToken: unknown };
    test: unknown;
  };
  const call = <T>(fn: unknown, bundle: object) => appTester(fn as never, bundle as never) as Promise<T>;

  beforeAll(async () => {
    process.env.HUBSPOT_API_VERSION = '2026-03';
    t = await startTestSandbox({ clock, rateLimits: false });
    useBaseUrl(t.url);
    const app = t.sandbox.portal.auth.registerOAuthApp();
    process.env.HUBSPOT_CLIENT_ID = app.clientId;
    process.env.HUBSPOT_CLIENT_SECRET = app.clientSecret;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.HUBSPOT_API_VERSION;
    else process.env.HUBSPOT_API_VERSION = saved;
    delete process.env.HUBSPOT_CLIENT_ID;
    delete process.env.HUBSPOT_CLIENT_SECRET;
    await t.close();
  });

  /** Numbered prefixes whose dated twins the connector must use in this mode. */
  const NUMBERED = /^\/(crm\/v[34]\/|oauth\/v\d\/)/;
  const numberedCalls = () =>
    t.sandbox.log
      .all()
      .map((e) => e.path)
      .filter((path) => NUMBERED.test(path));

  it('connects with OAuth 2026-03 and labels the connection', async () => {
    const redirectUri = 'https://zapier.example/dashboard/auth/oauth/return/App123CLIAPI/';
    const url = await call<string>(auth.oauth2Config.authorizeUrl, {
      inputData: { redirect_uri: redirectUri, state: 's' },
    });
    const consent = await fetch(url, { redirect: 'manual' });
    const code = new URL(consent.headers.get('location')!).searchParams.get('code');
    authData = await call<Record<string, string>>(auth.oauth2Config.getAccessToken, {
      inputData: { code, redirect_uri: redirectUri },
    });
    const info = await call<Record<string, unknown>>(auth.test, { authData });
    expect(info.hub_domain).toBe(t.sandbox.portal.info.domain);
    const paths = t.sandbox.log.all().map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/oauth/2026-03/token', '/oauth/2026-03/token/introspect']),
    );
    expect(numberedCalls()).toEqual([]);
  });

  it('writes, finds, associates, lists and polls on dated paths only', async () => {
    t.sandbox.log.clear();
    const contact = (await run('creates', 'create_or_update_contact', {
      authData,
      inputData: { email: 'dated@example.com', firstname: 'Dee' },
    })) as { id: string };
    const company = (await run('creates', 'create_company', {
      authData,
      inputData: { name: 'Dated Ltd', domain: 'dated.example' },
    })) as { id: string };
    const [found] = (await run('searches', 'find_contact', {
      authData,
      inputData: { search_property: 'email', search_value: 'dated@example.com' },
    })) as Array<{ id: string }>;
    expect(found!.id).toBe(contact.id);
    await run('creates', 'create_association', {
      authData,
      inputData: {
        from_object_type: 'contacts',
        from_id: contact.id,
        to_object_type: 'companies',
        to_id: company.id,
      },
    });
    const [associations] = (await run('searches', 'find_associations', {
      authData,
      inputData: { from_object_type: 'contacts', from_id: contact.id, to_object_type: 'companies' },
    })) as Array<{ ids: string[] }>;
    expect(associations!.ids).toEqual([company.id]);
    const pipelines = t.sandbox.portal.pipelines.list('deals');
    const deal = (await run('creates', 'create_deal', {
      authData,
      inputData: {
        dealname: 'Dated deal',
        pipeline: pipelines[0]!.id,
        dealstage: pipelines[0]!.stages[0]!.id,
      },
    })) as { id: string };
    expect(deal.id).toMatch(/^\d+$/);
    const list = t.sandbox.portal.lists.create({
      name: 'Dated list',
      objectTypeId: '0-1',
      processingType: 'MANUAL',
      createdAt: clock.now(),
      updatedAt: clock.now(),
      createdById: '1',
    });
    await run('creates', 'add_to_list', {
      authData,
      inputData: { list_id: list.listId, record_ids: [contact.id] },
    });
    clock.advance(5 * 60_000);
    const polled = (await run('triggers', 'new_contact', { authData, inputData: {} })) as Array<{
      id: string;
    }>;
    expect(polled.map((c) => c.id)).toContain(contact.id);

    const paths = t.sandbox.log.all().map((e) => e.path);
    expect(paths.some((p) => p.startsWith('/crm/objects/2026-03/'))).toBe(true);
    // Associations on one record live under the objects family: /crm/objects/2026-03/contacts/{id}/associations/...
    expect(paths.some((p) => /^\/crm\/objects\/2026-03\/contacts\/\d+\/associations\//.test(p))).toBe(true);
    expect(paths.some((p) => p.startsWith('/crm/lists/2026-03/'))).toBe(true);
    expect(numberedCalls()).toEqual([]);
  });
});
