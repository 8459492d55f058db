import { signDelivery } from '../../relay/contract';
import { appTester, testApp } from '../support/zapier';

/**
 * The Zapier hook triggers against a mocked relay and a mocked HubSpot (nock): what subscribe sends and keeps,
 * unsubscribe, and perform's refusal of unsigned, forged and stale deliveries before any HubSpot call.
 */

const RELAY = 'https://relay.bridge.test';
const HUBSPOT = 'https://api.hubapi.test';
const TOKEN = 'pat-na1-00000000-fake-0000-0000-000000000000';
const SECRET = `whsec_${Buffer.from('k'.repeat(32)).toString('base64')}`;

let nock: typeof import('nock', { with: { 'resolution-mode': 'import' }}).default;
const saved = { relay: process.env.RELAY_URL, base: process.env.HUBSPOT_BASE_URL };
beforeAll(async () => {
  nock = (await import('nock')).default;
  nock.disableNetConnect();
  process.env.RELAY_URL = RELAY;
  process.env.HUBSPOT_BASE_URL = HUBSPOT;
});
afterAll(() => {
  process.env.RELAY_URL = saved.relay;
  process.env.HUBSPOT_BASE_URL = saved.base;
  if (saved.relay === undefined) delete process.env.RELAY_URL;
  if (saved.base === undefined) delete process.env.HUBSPOT_BASE_URL;
  nock.enableNetConnect();
  nock.restore();
});
afterEach(() => nock.cleanAll());

type Fn = (...args: unknown[]) => unknown;
const op = (key: string) =>
  (testApp.triggers as Record<string, { operation: Record<string, Fn | unknown> }>)[key]!.operation;
const call = (key: string, method: string, bundle: Record<string, unknown>) =>
  appTester(
    op(key)[method] as never,
    { authData: { access_token: TOKEN }, inputData: {}, meta: {}, ...bundle } as never,
  );

/** z.errors.Error carries `{message, code, status}` as JSON in its message; the user reads `message`. */
async function failure(
  promise: Promise<unknown>,
): Promise<{ message: string; code: string; status: number }> {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as Error | undefined;
  if (!(error instanceof Error)) throw new Error('expected the call to fail');
  return JSON.parse(error.message);
}

const delivery = (events: object[]) =>
  JSON.stringify({
    subscriptionId: 'sub_1',
    portalId: 62515,
    objectType: 'contacts',
    event: 'creation',
    events,
  });
const event = (eventId: string, objectId: string, extra: object = {}) => ({
  eventId,
  occurredAt: Date.parse('2026-01-05T09:00:00Z'),
  portalId: 62515,
  objectTypeId: '0-1',
  objectId,
  event: 'creation',
  ...extra,
});
/** A delivery as Zapier hands it to perform: header names with Zapier's `Http-` prefix (zapier-platform#290). */
function rawRequest(
  body: string,
  { secret = SECRET, at = Math.floor(Date.now() / 1000), signed = true } = {},
) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (signed) {
    headers['Http-Webhook-Id'] = 'msg_1';
    headers['Http-Webhook-Timestamp'] = String(at);
    headers['Http-Webhook-Signature'] = signDelivery(secret, 'msg_1', at, body);
  }
  return { method: 'POST', querystring: '', headers, content: body };
}

describe('performSubscribe', () => {
  it('posts the hook URL and the chosen property to the relay with the user token, and keeps id and secret', async () => {
    let sent: unknown;
    const relay = nock(RELAY, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .post('/v1/subscriptions', (body) => {
        sent = body;
        return true;
      })
      .reply(201, {
        id: 'sub_1',
        secret: SECRET,
        portalId: 62515,
        objectType: 'contacts',
        event: 'propertyChange',
      });
    const kept = await call('contact_property_change_instant', 'performSubscribe', {
      targetUrl: 'https://hooks.zapier.com/hooks/standard/1/abc',
      inputData: { property: 'lifecyclestage' },
    });
    expect(sent).toEqual({
      targetUrl: 'https://hooks.zapier.com/hooks/standard/1/abc',
      objectType: 'contacts',
      event: 'propertyChange',
      property: 'lifecyclestage',
    });
    expect(kept).toEqual({ id: 'sub_1', secret: SECRET, portalId: 62515 });
    expect(relay.isDone()).toBe(true);
  });

  it('asks the relay for moves into the chosen deal stage only', async () => {
    let sent: Record<string, unknown> = {};
    nock(RELAY)
      .post('/v1/subscriptions', (body) => {
        sent = body;
        return true;
      })
      .reply(201, { id: 'sub_2', secret: SECRET, portalId: 1, objectType: 'deals', event: 'propertyChange' });
    await call('deal_stage_changed_instant', 'performSubscribe', {
      targetUrl: 'https://hooks.zapier.com/x',
      inputData: { pipeline: 'default', dealstage: 'closedwon' },
    });
    expect(sent).toMatchObject({ objectType: 'deals', property: 'dealstage', values: ['closedwon'] });
  });

  it('names RELAY_URL when the publisher has not set it, and calls nothing', async () => {
    delete process.env.RELAY_URL;
    try {
      await expect(
        call('new_contact_instant', 'performSubscribe', { targetUrl: 'https://hooks.zapier.com/x' }),
      ).rejects.toThrow(/RELAY_URL is not set/);
    } finally {
      process.env.RELAY_URL = RELAY;
    }
  });

  it("reports the relay's refusal with its message and never the token", async () => {
    nock(RELAY)
      .post('/v1/subscriptions')
      .reply(400, { message: 'property: "nope" is not a property of contacts' });
    const error = await failure(
      call('contact_property_change_instant', 'performSubscribe', {
        targetUrl: 'https://hooks.zapier.com/x',
        inputData: { property: 'nope' },
      }),
    );
    expect(error).toMatchObject({ code: 'RelayError', status: 400 });
    expect(error.message).toMatch(/refused to subscribe.*HTTP 400.*"nope" is not a property/);
    expect(error.message).not.toContain(TOKEN);
  });
});

describe('an expired access token', () => {
  it('asks Zapier to refresh it (RefreshAuthError) when the relay answers 401 and a refresh token exists', async () => {
    nock(RELAY).post('/v1/subscriptions').reply(401, { message: 'token expired' });
    const error = await call('new_contact_instant', 'performSubscribe', {
      authData: { access_token: TOKEN, refresh_token: 'refresh-1' },
      targetUrl: 'https://hooks.zapier.com/x',
    }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.name).toBe('RefreshAuthError');
  });
});

describe('performUnsubscribe', () => {
  it('deletes the subscription kept at subscribe time', async () => {
    const relay = nock(RELAY, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .delete('/v1/subscriptions/sub_1')
      .reply(204);
    await call('new_contact_instant', 'performUnsubscribe', {
      subscribeData: { id: 'sub_1', secret: SECRET },
    });
    expect(relay.isDone()).toBe(true);
  });

  it('fails on a relay error other than "already gone"', async () => {
    nock(RELAY).delete('/v1/subscriptions/sub_1').reply(403, { message: 'another portal' });
    const error = await failure(
      call('new_contact_instant', 'performUnsubscribe', { subscribeData: { id: 'sub_1', secret: SECRET } }),
    );
    expect(error.message).toMatch(/HTTP 403\): another portal/);
  });
});

describe('perform', () => {
  it('reads every record of a delivery in one batch read and emits one item per event, keyed by event id', async () => {
    let read: { inputs: Array<{ id: string }>; properties: string[] } | undefined;
    const hubspot = nock(HUBSPOT)
      .post('/crm/v3/objects/contacts/batch/read', (body) => {
        read = body;
        return true;
      })
      .reply(200, {
        status: 'COMPLETE',
        results: [
          {
            id: '51',
            properties: { email: 'ada@example.com' },
            createdAt: 'c',
            updatedAt: 'u',
            archived: false,
          },
        ],
      });
    const body = delivery([event('e1', '51'), event('e2', '51'), event('e3', '52')]);
    const items = (await call('new_contact_instant', 'perform', {
      subscribeData: { id: 'sub_1', secret: SECRET },
      rawRequest: rawRequest(body),
    })) as Array<Record<string, unknown>>;
    expect(hubspot.isDone()).toBe(true);
    expect(read!.inputs).toEqual([{ id: '51' }, { id: '52' }]);
    expect(read!.properties).toEqual(expect.arrayContaining(['email', 'lifecyclestage']));
    expect(items.map((i) => [i.id, i.record_id, i.record_found])).toEqual([
      ['e1', '51', true],
      ['e2', '51', true],
      ['e3', '52', false],
    ]);
    expect(items[0]).toMatchObject({ event: 'creation', occurred_at: '2026-01-05T09:00:00.000Z' });
    expect(items[0]!.properties).toEqual({ email: 'ada@example.com' });
  });

  it.each([
    ['unsigned', { signed: false }, /not signed/],
    [
      'signed with another secret',
      { secret: `whsec_${Buffer.from('x'.repeat(32)).toString('base64')}` },
      /does not match/,
    ],
    ['stale (10 minutes old)', { at: Math.floor(Date.now() / 1000) - 600 }, /more than 5 minutes/],
  ])(
    'refuses a delivery %s, before any HubSpot call, without leaking the secret',
    async (_what, options, reason) => {
      const body = delivery([event('e1', '51')]);
      const error = await failure(
        call('new_contact_instant', 'perform', {
          subscribeData: { id: 'sub_1', secret: SECRET },
          rawRequest: rawRequest(body, options),
        }),
      );
      expect(error).toMatchObject({ code: 'RelaySignature', status: 401 });
      expect(error.message).toMatch(reason);
      expect(error.message).toMatch(/Refused a delivery to "New Contact \(Instant\)"/);
      expect(error.message).not.toContain(SECRET.slice(6));
      expect(nock.pendingMocks()).toEqual([]);
    },
  );

  it('refuses a delivery whose body was changed after signing', async () => {
    const signed = rawRequest(delivery([event('e1', '51')]));
    const tampered = { ...signed, content: delivery([event('e1', '99')]) };
    await expect(
      call('new_contact_instant', 'perform', {
        subscribeData: { id: 'sub_1', secret: SECRET },
        rawRequest: tampered,
      }),
    ).rejects.toThrow(/does not match/);
  });

  it('does not read deleted records: the item carries the id and the event', async () => {
    const body = delivery([event('e9', '77', { event: 'deletion', objectTypeId: '2-123' })]);
    const items = (await call('object_deleted_instant', 'perform', {
      inputData: { object_type: '2-123' },
      subscribeData: { id: 'sub_1', secret: SECRET },
      rawRequest: rawRequest(body),
    })) as Array<Record<string, unknown>>;
    expect(items).toEqual([
      {
        id: 'e9',
        record_id: '77',
        event_id: 'e9',
        event: 'deletion',
        occurred_at: '2026-01-05T09:00:00.000Z',
        record_found: false,
      },
    ]);
  });

  it('reads the record kept by a merge and lists the merged ids', async () => {
    nock(HUBSPOT)
      .post('/crm/v3/objects/contacts/batch/read', (body) => body.inputs[0].id === '10')
      .reply(200, { results: [{ id: '10', properties: { email: 'kept@example.com' } }] });
    const body = delivery([
      event('m1', '11', { event: 'merge', primaryObjectId: '10', mergedObjectIds: ['11', '12'] }),
    ]);
    const [item] = (await call('records_merged_instant', 'perform', {
      inputData: { object_type: 'contacts' },
      subscribeData: { id: 'sub_1', secret: SECRET },
      rawRequest: rawRequest(body),
    })) as Array<Record<string, unknown>>;
    expect(item).toMatchObject({
      id: 'm1',
      record_id: '10',
      primary_record_id: '10',
      merged_record_ids: '11,12',
    });
    expect(item!.properties).toEqual({ email: 'kept@example.com' });
  });
});
