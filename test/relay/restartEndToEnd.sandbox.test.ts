import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MakeRunner } from '../support/make';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { appTester, testApp } from '../support/zapier';
import { startHook, type TestHook } from './support/hook';
import { asMakeRequest, asZapierRequest } from './support/platformHook';
import { startPostgres, type TestPostgres } from './support/postgres';
import { type RelayProcess, startRelayProcess } from './support/relayProcess';

/**
 * A Zap and a scenario subscribed through their own code; HubSpot hands the relay a new contact while both hooks
 * are down; the relay process is killed with SIGKILL; the restarted one delivers the event, and each platform reads
 * it as if nothing had happened.
 */
describe.each(['sqlite', 'postgres'] as const)(
  'a relay killed under the platforms on the %s store',
  (kind) => {
    let pg: TestPostgres | undefined;
    let dir: string;
    let hub: TestSandbox;
    let hook: TestHook;
    let env: Record<string, string>;
    let userToken: string;
    const running: RelayProcess[] = [];
    const saved = { relay: process.env.RELAY_URL, base: process.env.HUBSPOT_BASE_URL };

    beforeAll(async () => {
      if (kind === 'postgres') pg = await startPostgres();
      dir = mkdtempSync(join(tmpdir(), 'relay-kill-'));
      hub = await startTestSandbox();
      const app = hub.sandbox.portal.auth.registerOAuthApp();
      userToken = hub.sandbox.portal.auth.issueOAuthTokens(app, [
        'oauth',
        'crm.objects.contacts.read',
      ]).accessToken;
      hook = await startHook();
      env = {
        HUBSPOT_BASE_URL: hub.url,
        HUBSPOT_CLIENT_ID: app.clientId,
        HUBSPOT_CLIENT_SECRET: app.clientSecret,
        HUBSPOT_APP_ID: String(app.appId),
        HUBSPOT_DEVELOPER_API_KEY: hub.sandbox.portal.auth.developerApiKey,
        RELAY_DATABASE_URL: pg ? pg.url : `sqlite:${join(dir, 'relay.db')}`,
        RELAY_ALLOWED_TARGETS: '127.0.0.1',
        RELAY_PUBLIC_URL: '',
      };
      process.env.HUBSPOT_BASE_URL = hub.url;
    }, 60_000);

    afterAll(async () => {
      for (const [name, value] of Object.entries({ RELAY_URL: saved.relay, HUBSPOT_BASE_URL: saved.base }))
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      for (const relay of running) await relay.kill();
      await hook?.close();
      await hub?.close();
      await pg?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    type Fn = (...args: unknown[]) => unknown;
    const zapier = (method: string, bundle: Record<string, unknown>) =>
      appTester(
        (testApp.triggers as unknown as Record<string, { operation: Record<string, Fn> }>)
          .new_contact_instant!.operation[method] as never,
        { authData: { access_token: userToken }, inputData: {}, meta: {}, ...bundle } as never,
      ) as Promise<unknown>;

    it('delivers after the restart what HubSpot handed over before the kill, to both platforms', async () => {
      const first = await startRelayProcess(env);
      running.push(first);
      await first.ready();
      process.env.RELAY_URL = first.url;
      const kept = (await zapier('performSubscribe', { targetUrl: `${hook.url}/zapier` })) as {
        id: string;
        secret: string;
      };
      const make = new MakeRunner(hub.url, { accessToken: userToken });
      const attached = await make.attach(
        'watchNewContactInstant',
        {},
        { relayUrl: first.url },
        `${hook.url}/make`,
      );

      hook.answer(503);
      const created = await hub.call('POST', '/crm/v3/objects/contacts', {
        properties: { email: `kill-${kind}@example.com`, firstname: 'Grace' },
      });
      const contactId = ((await created.json()) as { id: string }).id;
      await hook.waitFor((calls) => new Set(calls.map((c) => c.delivery.subscriptionId)).size === 2);
      expect(
        hub.sandbox.webhooks
          .deliveries()
          .filter((d) => d.url.startsWith(first.url))
          .map((d) => d.status),
      ).toEqual([204]);
      // The failed attempts recorded, the relay dies before its retries (2 s later).
      await new Promise((r) => setTimeout(r, 200));
      await first.kill();
      expect(first.child.signalCode).toBe('SIGKILL');

      hook.answer(200);
      const second = await startRelayProcess(env);
      running.push(second);
      const ok = (id: string) => hook.calls.find((c) => c.status === 200 && c.delivery.subscriptionId === id);
      await hook.waitFor(() => !!ok(kept.id) && !!ok(String(attached.id)), 20_000);

      const items = (await zapier('perform', {
        subscribeData: kept,
        ...asZapierRequest(ok(kept.id)!),
      })) as Array<Record<string, unknown>>;
      expect(items).toEqual([
        expect.objectContaining({ record_id: contactId, record_found: true, event: 'creation' }),
      ]);
      expect((items[0]!.properties as Record<string, string>).firstname).toBe('Grace');
      const bundles = await make.instant(
        'watchNewContactInstant',
        asMakeRequest(ok(String(attached.id))!),
        {},
      );
      expect(bundles).toEqual([expect.objectContaining({ record_id: contactId, record_found: true })]);

      // Unsubscribing goes to the new process, which holds the same subscriptions.
      process.env.RELAY_URL = second.url;
      await zapier('performUnsubscribe', { subscribeData: kept });
      await make.detach('watchNewContactInstant', {}, { relayUrl: second.url }, attached);
      const gone = await fetch(`${second.url}/v1/subscriptions/${kept.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${userToken}` },
      });
      expect(gone.status).toBe(404);
      await second.stop();
    }, 60_000);
  },
);
