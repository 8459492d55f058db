import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEAD_LETTER_AFTER_MS, nextAttemptAt, retryWaitMs } from '../../relay/backoff';
import { DEFAULT_ALLOWED_TARGETS, loadConfig } from '../../relay/config';
import { fromJournalFile, fromWebhookEvent, webhookEventType } from '../../relay/hubspotEvents';
import { verifyHubSpotSignature } from '../../relay/hubspotSignature';
import { wants } from '../../relay/matching';
import { pinnedFetch } from '../../relay/pinnedFetch';
import type { StoredSubscription } from '../../relay/store/types';
import { isPublicAddress, targetProblem } from '../../relay/targets';

describe('HubSpot v3 signatures', () => {
  const secret = 'app-client-secret';
  const now = 1_790_000_000_000;
  const sign = (uri: string, body: string, ts: number) =>
    createHmac('sha256', secret).update(`POST${uri}${body}${ts}`).digest('base64');

  it('signs the URI with the escapes HubSpot decodes decoded', () => {
    const signature = sign('https://relay.example.com/hook?next=a:b/c', '[]', now);
    const check = verifyHubSpotSignature({
      clientSecret: secret,
      method: 'POST',
      uri: 'https://relay.example.com/hook?next=a%3Ab%2Fc',
      body: '[]',
      signature,
      timestamp: String(now),
      nowMs: now,
    });
    expect(check).toEqual({ ok: true });
  });

  it('refuses a changed body, a timestamp past 5 minutes either way, and a garbled one', () => {
    const base = { clientSecret: secret, method: 'POST', uri: 'https://r.example/h', nowMs: now };
    const signature = sign('https://r.example/h', '[1]', now);
    expect(verifyHubSpotSignature({ ...base, body: '[2]', signature, timestamp: String(now) }).ok).toBe(
      false,
    );
    for (const ts of [now - 300_001, now + 300_001]) {
      const check = verifyHubSpotSignature({
        ...base,
        body: '[1]',
        signature: sign('https://r.example/h', '[1]', ts),
        timestamp: String(ts),
      });
      expect(check).toEqual({ ok: false, reason: 'X-HubSpot-Request-Timestamp is more than 5 minutes old' });
    }
    const edge = now - 300_000;
    expect(
      verifyHubSpotSignature({
        ...base,
        body: '[1]',
        signature: sign('https://r.example/h', '[1]', edge),
        timestamp: String(edge),
      }).ok,
    ).toBe(true);
    expect(verifyHubSpotSignature({ ...base, body: '[1]', signature, timestamp: 'soon' })).toEqual({
      ok: false,
      reason: 'X-HubSpot-Request-Timestamp must be a time in milliseconds',
    });
  });
});

describe('delivery targets', () => {
  const policy = {
    allowedTargets: [...DEFAULT_ALLOWED_TARGETS, '127.0.0.1', 'partner.example.com'],
    explicitTargets: ['127.0.0.1', 'partner.example.com'],
    resolve: async (host: string) =>
      ({
        'hooks.zapier.com': ['44.205.1.1'],
        'hook.eu1.make.com': ['169.254.169.254'],
        'partner.example.com': ['192.168.1.10'],
      })[host] ?? [],
  };

  it('tells public addresses from private, loopback, link-local and mapped ones', () => {
    for (const address of ['8.8.8.8', '44.205.1.1', '2606:4700::1111'])
      expect(isPublicAddress(address)).toBe(true);
    for (const address of [
      '10.0.0.1',
      '172.16.5.4',
      '192.168.0.1',
      '127.0.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:10.0.0.1',
      'not-an-ip',
    ])
      expect(isPublicAddress(address)).toBe(false);
  });

  it('allows Zapier’s https hook host on a public address', async () => {
    expect(await targetProblem('https://hooks.zapier.com/hooks/standard/1/2/abc', policy)).toBeUndefined();
  });

  it('refuses cloud metadata behind an allowed host, a listed host on a private address, and userinfo', async () => {
    expect(await targetProblem('https://hook.eu1.make.com/abc', policy)).toContain('169.254.169.254');
    expect(await targetProblem('https://partner.example.com/x', policy)).toContain('192.168.1.10');
    expect(await targetProblem('http://partner.example.com/x', policy)).toBe('targetUrl must use https');
    expect(await targetProblem('https://user:pw@hooks.zapier.com/x', policy)).toBe(
      'targetUrl must not carry a user name or password',
    );
    expect(await targetProblem('https://hook.us9.make.com/x', policy)).toContain('hook.us9.make.com is not');
    expect(await targetProblem('nope', policy)).toBe('targetUrl must be an absolute https URL');
  });

  it('lets a loopback host listed explicitly use http, and only that one', async () => {
    expect(await targetProblem('http://127.0.0.1:9999/hook', policy)).toBeUndefined();
    const defaultsOnly = { ...policy, allowedTargets: [...DEFAULT_ALLOWED_TARGETS], explicitTargets: [] };
    expect(await targetProblem('http://127.0.0.1:9999/hook', defaultsOnly)).toContain('is not');
  });
});

describe('retry timing', () => {
  it('retries first within 5 s, then waits longer, up to an hour', () => {
    expect(retryWaitMs(1, () => 1)).toBeLessThanOrEqual(5_000);
    expect(retryWaitMs(1, () => 0)).toBeGreaterThanOrEqual(1_000);
    expect(retryWaitMs(2, () => 0.5)).toBeGreaterThan(retryWaitMs(1, () => 0.5));
    expect(retryWaitMs(40, () => 1)).toBe(3_600_000 * 1.2);
  });

  it('never schedules past 24 h of failing, and is dead from then on', () => {
    const since = 1_000_000;
    expect(nextAttemptAt(30, since, since + DEAD_LETTER_AFTER_MS - 10)).toBe(since + DEAD_LETTER_AFTER_MS);
    expect(nextAttemptAt(30, since, since + DEAD_LETTER_AFTER_MS)).toBeUndefined();
  });
});

describe('HubSpot events', () => {
  it('reads the documented webhooks v3 payload', () => {
    // The example of https://developers.hubspot.com/docs/api/webhooks#webhook-payloads
    const event = fromWebhookEvent({
      objectId: 1246965,
      propertyName: 'lifecyclestage',
      propertyValue: 'subscriber',
      changeSource: 'ACADEMY',
      eventId: 3816279340,
      subscriptionId: 25,
      portalId: 33,
      appId: 1160452,
      occurredAt: 1462216307945,
      subscriptionType: 'contact.propertyChange',
      attemptNumber: 0,
    });
    expect(event).toEqual({
      eventId: '3816279340',
      occurredAt: 1462216307945,
      portalId: 33,
      objectTypeId: '0-1',
      objectId: '1246965',
      event: 'propertyChange',
      propertyName: 'lifecyclestage',
      propertyValue: 'subscriber',
      changeSource: 'ACADEMY',
    });
  });

  it('reads associations, merges and generic object events, and drops what it does not relay', () => {
    const base = { eventId: 1, portalId: 2, occurredAt: 3 };
    expect(
      fromWebhookEvent({
        ...base,
        subscriptionType: 'contact.associationChange',
        associationType: 'CONTACT_TO_COMPANY',
        fromObjectId: 10,
        toObjectId: 20,
        associationRemoved: true,
        associationTypeId: 1,
      })?.association,
    ).toEqual({ toObjectTypeId: '0-2', toObjectId: '20', associationTypeId: 1, removed: true });
    expect(
      fromWebhookEvent({
        ...base,
        subscriptionType: 'deal.merge',
        objectId: 5,
        primaryObjectId: 5,
        mergedObjectIds: [6],
      }),
    ).toMatchObject({ objectTypeId: '0-3', primaryObjectId: '5', mergedObjectIds: ['6'] });
    expect(
      fromWebhookEvent({ ...base, subscriptionType: 'object.creation', objectTypeId: '2-99', objectId: 7 }),
    ).toMatchObject({ objectTypeId: '2-99', event: 'creation' });
    expect(
      fromWebhookEvent({ ...base, subscriptionType: 'contact.privacyDeletion', objectId: 1 }),
    ).toBeUndefined();
    expect(
      fromWebhookEvent({ ...base, subscriptionType: 'conversation.creation', objectId: 1 }),
    ).toBeUndefined();
  });

  it('splits a journal update of several properties into one change each', () => {
    const events = fromJournalFile({
      results: [
        {
          id: 'e1',
          portalId: 9,
          objectTypeId: '0-3',
          objectId: 4,
          action: 'UPDATE',
          occurredAt: '2026-11-01T10:00:00Z',
          properties: { dealstage: 'closedwon', amount: '10' },
        },
      ],
    });
    expect(events.map((e) => [e.eventId, e.propertyName, e.propertyValue, e.occurredAt])).toEqual([
      ['e1:dealstage', 'dealstage', 'closedwon', Date.parse('2026-11-01T10:00:00Z')],
      ['e1:amount', 'amount', '10', Date.parse('2026-11-01T10:00:00Z')],
    ]);
  });

  it('reads list membership journal events, matched to subscriptions of that list only', () => {
    const events = fromJournalFile({
      journalEvents: [
        { eventId: 7, portalId: 9, objectTypeId: '0-1', objectId: 51, action: 'ADDED_TO_LIST', listId: 12 },
        {
          eventId: 8,
          portalId: 9,
          objectTypeId: '0-1',
          objectId: 51,
          action: 'REMOVED_FROM_LIST',
          listId: 12,
        },
        { eventId: 9, portalId: 9, objectTypeId: '0-1', objectId: 52, action: 'ADDED_TO_LIST', listId: 13 },
        // No list named: nothing to match it to, so it is dropped.
        { eventId: 10, portalId: 9, objectTypeId: '0-1', objectId: 53, action: 'ADDED_TO_LIST' },
      ],
    });
    expect(events.map((e) => [e.eventId, e.event, e.objectId, e.list])).toEqual([
      ['7', 'listMembership', '51', { listId: '12', removed: false }],
      ['8', 'listMembership', '51', { listId: '12', removed: true }],
      ['9', 'listMembership', '52', { listId: '13', removed: false }],
    ]);
    const subscription: StoredSubscription = {
      id: 's',
      portalId: 9,
      targetUrl: 'https://hooks.zapier.com/hooks/standard/1/abc',
      objectType: '0-1',
      objectTypeId: '0-1',
      event: 'listMembership',
      listId: '12',
      secret: 'whsec_eA==',
      createdAt: 0,
    };
    expect(events.filter((e) => wants(subscription, e)).map((e) => e.eventId)).toEqual(['7', '8']);
    expect(events.filter((e) => wants({ ...subscription, event: 'creation' }, e))).toEqual([]);
    // Webhooks v3 has no list membership type: a push claiming one is not relayed.
    expect(
      fromWebhookEvent({ eventId: 1, portalId: 9, subscriptionType: 'contact.listMembership', objectId: 51 }),
    ).toBeUndefined();
  });

  it('subscribes the app to legacy types where HubSpot has them, object.* elsewhere', () => {
    expect(webhookEventType('0-1', 'creation')).toBe('contact.creation');
    expect(webhookEventType('0-8', 'propertyChange')).toBe('line_item.propertyChange');
    expect(webhookEventType('0-7', 'associationChange')).toBe('object.associationChange');
    expect(webhookEventType('2-123', 'deletion')).toBe('object.deletion');
  });
});

describe('settings', () => {
  it('defaults to Zapier’s and Make’s hook hosts, the embedded store and push', () => {
    const config = loadConfig({});
    expect(config.allowedTargets).toContain('hooks.zapier.com');
    expect(config.allowedTargets).toContain('hook.eu1.make.com');
    expect(config.explicitTargets).toEqual([]);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.ingest).toBe('push');
  });

  it('names the setting that is wrong', () => {
    expect(() => loadConfig({ HUBSPOT_APP_ID: 'abc' })).toThrow(
      'HUBSPOT_APP_ID must be a whole number above 0.',
    );
    expect(() => loadConfig({ RELAY_PUBLIC_URL: 'relay.example.com' })).toThrow(
      'RELAY_PUBLIC_URL must be an absolute http(s) URL',
    );
    expect(() => loadConfig({ RELAY_ALLOWED_TARGETS: 'https://x.com/a' })).toThrow('RELAY_ALLOWED_TARGETS');
    expect(() => loadConfig({ RELAY_INGEST: 'poll' })).toThrow('RELAY_INGEST must be push, journal or both');
  });

  it('adds to the defaults with the word default', () => {
    const config = loadConfig({ RELAY_ALLOWED_TARGETS: 'default, 127.0.0.1:8080' });
    expect(config.allowedTargets).toEqual([...DEFAULT_ALLOWED_TARGETS, '127.0.0.1:8080']);
    expect(config.explicitTargets).toEqual(['127.0.0.1:8080']);
  });
});

describe('the delivery connection', () => {
  let server: Server;
  let port: number;
  const bodies: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        bodies.push(body);
        // A redirect to somewhere else: the relay must not follow it.
        res.writeHead(req.url === '/moved' ? 302 : 200, { location: 'http://169.254.169.254/' }).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('connects to loopback only when the operator listed it', async () => {
    const listed = pinnedFetch(() => true);
    const res = await listed(`http://localhost:${port}/hook`, { method: 'POST', body: '{"a":1}' });
    expect(res.status).toBe(200);
    expect(bodies.at(-1)).toBe('{"a":1}');
    const unlisted = pinnedFetch(() => false);
    await expect(unlisted(`http://localhost:${port}/hook`, { method: 'POST', body: '{}' })).rejects.toThrow(
      'which is not allowed',
    );
    await expect(unlisted(`http://127.0.0.1:${port}/hook`, { method: 'POST', body: '{}' })).rejects.toThrow(
      '127.0.0.1 is not an allowed address',
    );
  });

  it('does not follow a redirect', async () => {
    const res = await pinnedFetch(() => true)(`http://127.0.0.1:${port}/moved`, {
      method: 'POST',
      body: '{}',
    });
    expect(res.status).toBe(302);
  });
});
