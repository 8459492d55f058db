import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SubscriptionCreated, verifyDelivery } from '../../relay/contract';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { startHook, type TestHook } from './support/hook';
import { startPostgres, type TestPostgres } from './support/postgres';
import { type RelayProcess, startRelayProcess } from './support/relayProcess';

/**
 * An event HubSpot handed to the relay (and got its 2xx for) is not lost when the relay process is killed with
 * SIGKILL before the hook took it: the restarted relay delivers it, as the same signed message.
 */
describe.each(['sqlite', 'postgres'] as const)('a relay killed on the %s store', (kind) => {
  let pg: TestPostgres | undefined;
  let dir: string;
  let hub: TestSandbox;
  let hook: TestHook;
  let env: Record<string, string>;
  let userToken: string;
  const running: RelayProcess[] = [];

  beforeAll(async () => {
    if (kind === 'postgres') pg = await startPostgres();
    dir = mkdtempSync(join(tmpdir(), 'relay-restart-'));
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
  }, 60_000);

  afterAll(async () => {
    for (const relay of running) await relay.kill();
    await hook?.close();
    await hub?.close();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers after a restart what it had accepted before the kill', async () => {
    const first = await startRelayProcess(env);
    running.push(first);
    await first.ready();
    const res = await fetch(`${first.url}/v1/subscriptions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${userToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ targetUrl: hook.url, objectType: 'contacts', event: 'creation' }),
    });
    expect(res.status).toBe(201);
    const { id, secret } = (await res.json()) as SubscriptionCreated;

    // The hook is down: the relay accepts the event from HubSpot, tries the hook, and must keep the event.
    hook.answer(503);
    const created = await hub.call('POST', '/crm/v3/objects/contacts', {
      properties: { email: `killed-${kind}@example.com` },
    });
    const contactId = ((await created.json()) as { id: string }).id;
    await hook.waitFor((calls) => calls.length > 0);
    const accepted = hub.sandbox.webhooks.deliveries().filter((d) => d.url.startsWith(first.url));
    expect(accepted.map((d) => d.status)).toEqual([204]);
    // Let the failed attempt be recorded, then kill the relay before its retry (2 s later) can run.
    await new Promise((r) => setTimeout(r, 200));
    await first.kill();
    expect(first.child.signalCode).toBe('SIGKILL');
    const failedAttempt = hook.calls[0]!;

    hook.answer(200);
    const second = await startRelayProcess(env);
    running.push(second);
    await hook.waitFor((calls) => calls.some((c) => c.status === 200), 20_000);
    const delivered = hook.calls.find((c) => c.status === 200)!;
    expect(verifyDelivery(secret, delivered.headers, delivered.body, Date.now())).toEqual({ ok: true });
    expect(delivered.delivery.subscriptionId).toBe(id);
    expect(delivered.delivery.events.map((e) => e.objectId)).toEqual([contactId]);
    // The same message as the failed attempt: a receiver that saw it can drop the repeat by its id.
    expect(delivered.headers['webhook-id']).toBe(failedAttempt.headers['webhook-id']);
    // Logs never hold the user's token, the client secret or the subscription secret.
    for (const logs of [first.logs(), second.logs()]) {
      expect(logs).not.toContain(userToken);
      expect(logs).not.toContain(env.HUBSPOT_CLIENT_SECRET);
      expect(logs).not.toContain(secret);
      expect(logs).not.toContain(env.HUBSPOT_DEVELOPER_API_KEY);
    }
    await second.stop();
    expect(second.child.exitCode).toBe(0);
  }, 60_000);
});
