import { hubspotAppScopes } from '../../make/connections';
import type { OAuthApp } from '../../sandbox/state/auth';
import { MakeRunner } from '../support/make';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

/**
 * The OAuth connection's authorize URL, built as Make builds it for a connection created from each module, or
 * extended for another one: HubSpot refuses a scope listed both in `scope` and in `optional_scope`, and holds the
 * URL to the HubSpot app's scope settings (https://developers.hubspot.com/changelog/advanced-auth-and-scope-settings-for-public-apps).
 * The sandbox app is registered with the settings the partner team configures (`hubspotAppScopes`).
 */
describe('Make OAuth connection: authorize URL from any module', () => {
  let t: TestSandbox;
  let make: MakeRunner;
  let app: OAuthApp;
  let common: Record<string, string>;

  beforeAll(async () => {
    t = await startTestSandbox();
    make = new MakeRunner(t.url, {});
    const settings = hubspotAppScopes(make.app.modules);
    app = t.sandbox.portal.auth.registerOAuthApp({ scopeSettings: settings });
    common = { clientId: app.clientId, clientSecret: app.clientSecret };
  });
  afterAll(() => t.close());

  const listed = (url: URL) => ({
    scope: (url.searchParams.get('scope') ?? '').split(' ').filter(Boolean),
    optional: (url.searchParams.get('optional_scope') ?? '').split(' ').filter(Boolean),
  });
  const twice = (scopes: string[]) => scopes.filter((s, i) => scopes.indexOf(s) !== i);

  it('the HubSpot app settings give each scope one type, and the connection always asks the required ones', () => {
    const settings = hubspotAppScopes(make.app.modules);
    const all = [...settings.required, ...settings.conditionallyRequired, ...settings.optional];
    expect(twice(all)).toEqual([]);
    expect(make.app.connections.find((c) => c.type === 'oauth')!.defaultScope).toEqual(settings.required);
    // One HubSpot app for Zapier and Make: every scope a module declares is asked at the first connection.
    for (const module of make.app.modules)
      for (const s of module.scope) expect([...settings.required, ...settings.optional]).toContain(s);
  });

  it('created from each module: no scope twice, the module’s scopes asked, accepted by HubSpot’s rules, granted', async () => {
    for (const module of make.app.modules) {
      const url = make.authorizeUrl(common, make.oauthScope(module.name));
      const { scope, optional } = listed(url);
      expect({ module: module.name, twice: twice([...scope, ...optional]) }).toEqual({
        module: module.name,
        twice: [],
      });
      for (const s of module.scope)
        expect({ module: module.name, asked: [...scope, ...optional] }).toEqual({
          module: module.name,
          asked: expect.arrayContaining([s]),
        });
      const redirect = await fetch(url, { redirect: 'manual' });
      expect({ module: module.name, status: redirect.status }).toEqual({ module: module.name, status: 302 });
    }
    // The whole flow from one module: the token carries the module's scopes.
    const { data } = await make.connectOAuth(common, { oauthScope: make.oauthScope('createCompany') });
    const granted = t.sandbox.portal.auth.oauthAccessToken(String(data.accessToken))?.scopes;
    expect(granted).toEqual(expect.arrayContaining(make.module('createCompany').scope));
  });

  it('extended from one module to another: no scope twice, both modules’ scopes asked, accepted', async () => {
    // One authorize URL per distinct scope set Make would ask (rendering the URL's IML is the slow part; with ~90
    // modules there are ~8,000 pairs but few sets), then every pair checked against its set's URL.
    const urls = new Map<string, URL>();
    for (const first of make.app.modules)
      for (const second of make.app.modules) {
        const oauthScope = make.oauthScope(first.name, second.name);
        const key = [...oauthScope].sort().join(' ');
        if (!urls.has(key)) urls.set(key, make.authorizeUrl(common, oauthScope));
        const { scope, optional } = listed(urls.get(key)!);
        expect(twice([...scope, ...optional])).toEqual([]);
        expect([...scope, ...optional]).toEqual(expect.arrayContaining([...first.scope, ...second.scope]));
      }
    // The loop above holds the event loop for seconds: let the sandbox close its idle keep-alive sockets (and fetch
    // see it) before reusing one, or the first fetch races the close (ECONNRESET on a loaded machine).
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const url of urls.values()) expect((await fetch(url, { redirect: 'manual' })).status).toBe(302);
  });

  it('"Additional scopes" (for Make an API Call) are required unless already optional, never listed twice', async () => {
    const additionalScopes = [
      'crm.schemas.contacts.read',
      'files',
      'crm.objects.contacts.read',
      '',
      'e-commerce  sales-email-read',
    ];
    const url = make.authorizeUrl(common, make.oauthScope('apiRequest'), { additionalScopes });
    const { scope, optional } = listed(url);
    expect(twice([...scope, ...optional])).toEqual([]);
    expect(scope).toEqual(
      expect.arrayContaining(['crm.schemas.contacts.read', 'e-commerce', 'sales-email-read']),
    );
    expect(scope).not.toContain('files');
    expect(optional).toContain('files');
    expect(scope).not.toContain('');

    // HubSpot refuses a scope the app's settings do not list; listed as conditionally required, it is granted.
    const refused = await fetch(url, { redirect: 'manual' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('crm.schemas.contacts.read');
    const settings = hubspotAppScopes(make.app.modules);
    const wider = t.sandbox.portal.auth.registerOAuthApp({
      scopeSettings: {
        ...settings,
        conditionallyRequired: [
          ...settings.conditionallyRequired,
          'crm.schemas.contacts.read',
          'e-commerce',
          'sales-email-read',
        ],
      },
    });
    const { data } = await make.connectOAuth(
      { clientId: wider.clientId, clientSecret: wider.clientSecret },
      { oauthScope: make.oauthScope('apiRequest'), parameters: { additionalScopes } },
    );
    expect(t.sandbox.portal.auth.oauthAccessToken(String(data.accessToken))?.scopes).toEqual(
      expect.arrayContaining(['crm.schemas.contacts.read', 'e-commerce', 'sales-email-read', 'files']),
    );
  });
});
