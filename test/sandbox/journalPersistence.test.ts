import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../sandbox';
import { type ServerOptions, startSandboxServer } from '../../sandbox/server';
import { type FetchAnswer, type JournalFile, tokenCall } from '../support/journal';

/** The journal survives a restart with `--data`, through the library the CLI uses (as persistence.test.ts does). */
describe('sandbox webhooks journal persistence (--data)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-journal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const options = (clock: ManualClock): ServerOptions => ({
    port: 0,
    host: '127.0.0.1',
    seed: 0,
    appType: 'oauth',
    indexLagMs: 0,
    data: join(dir, 'state.json'),
    clock,
    saveDebounceMs: 10,
  });

  it('keeps subscriptions, entries and their offsets, and serves the file after the restart', async () => {
    const clock = new ManualClock();
    const first = await startSandboxServer(options(clock));
    const { clientId, clientSecret, accessToken } = first.credentials;
    const appTokenOf = async (url: string) => {
      const res = await tokenCall(
        { url },
        {
          grant_type: 'client_credentials',
          client_id: clientId!,
          client_secret: clientSecret!,
        },
      );
      expect(res.status).toBe(200);
      return ((await res.json()) as { access_token: string }).access_token;
    };
    const call = (url: string, token: string, method: string, path: string, body?: unknown) =>
      fetch(url + path, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const token = await appTokenOf(first.url);
    const portalId = first.sandbox.portal.info.portalId;
    const subscription = { subscriptionType: 'OBJECT', objectTypeId: '0-1', actions: ['CREATE'], portalId };
    expect(
      (await call(first.url, token, 'POST', '/webhooks-journal/subscriptions/2026-03', subscription)).status,
    ).toBe(200);
    const created = await call(first.url, accessToken, 'POST', '/crm/v3/objects/contacts', {
      properties: { email: 'persisted@example.com' },
    });
    expect(created.status).toBe(201);
    const before = (await (
      await call(first.url, token, 'GET', '/webhooks-journal/journal/2026-03/earliest')
    ).json()) as FetchAnswer;
    await first.close();

    const second = await startSandboxServer(options(clock));
    try {
      expect(second.restored).toBe(true);
      const again = await appTokenOf(second.url);
      const subs = (await (
        await call(second.url, again, 'GET', '/webhooks-journal/subscriptions/2026-03')
      ).json()) as {
        results: unknown[];
      };
      expect(subs.results).toEqual([expect.objectContaining({ subscriptionType: 'OBJECT', portalId })]);
      const after = (await (
        await call(second.url, again, 'GET', '/webhooks-journal/journal/2026-03/earliest')
      ).json()) as FetchAnswer;
      expect(after.currentOffset).toBe(before.currentOffset);
      const file = (await (await fetch(after.url)).json()) as JournalFile;
      expect(file.journalEvents[0]).toMatchObject({
        action: 'CREATE',
        propertyChanges: expect.objectContaining({ email: 'persisted@example.com' }),
      });
    } finally {
      await second.close();
    }
  });
});
