import { loadConfig } from '../../relay/config';
import { CALL_BUDGET_MS, HubSpotApi, HubSpotCallError } from '../../relay/hubspotApi';

/**
 * The relay's HubSpot calls under HubSpot's refusals (nock): a 429 is waited out as HubSpot says (Retry-After, or the
 * window its `policyName` names) within the call's budget, a spent daily quota is not, and a 5xx or a lost connection
 * is repeated only for a call that is safe to repeat.
 * https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
 */

const HUBSPOT = 'https://api.hubapi.test';
const TOKEN = 'user-token-never-in-errors';

// nock 15 is an ES module; this file compiles to CommonJS, so it is loaded with a dynamic import.
let nock: typeof import('nock', { with: { 'resolution-mode': 'import' }}).default;
let waits: number[];
let api: HubSpotApi;

beforeAll(async () => {
  nock = (await import('nock')).default;
  nock.disableNetConnect();
});

beforeEach(() => {
  waits = [];
  api = new HubSpotApi(
    loadConfig({
      HUBSPOT_BASE_URL: HUBSPOT,
      HUBSPOT_APP_ID: '77',
      HUBSPOT_DEVELOPER_API_KEY: 'dev-key',
    }),
    fetch,
    Date.now,
    async (ms) => {
      waits.push(ms);
    },
  );
});

afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

const introspection = () => nock(HUBSPOT).get(`/oauth/v1/access-tokens/${TOKEN}`);
const tokenInfo = { hub_id: 42, scopes: ['oauth'], app_id: 77 };
const rateLimited = (policyName: string) => ({
  status: 'error',
  message: `You have reached your ${policyName} limit.`,
  errorType: 'RATE_LIMIT',
  policyName,
});

async function refusedWith(call: Promise<unknown>): Promise<HubSpotCallError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HubSpotCallError);
  expect((error as Error).message).not.toContain(TOKEN);
  return error as HubSpotCallError;
}

it("waits out a 429 for HubSpot's Retry-After, then answers", async () => {
  introspection()
    .reply(429, rateLimited('TEN_SECONDLY_ROLLING'), { 'retry-after': '2' })
    .get(`/oauth/v1/access-tokens/${TOKEN}`)
    .reply(200, tokenInfo);
  expect(await api.introspect(TOKEN)).toEqual({ portalId: 42, scopes: ['oauth'], appId: 77 });
  expect(waits).toHaveLength(1);
  // 2 s, plus up to 10 % so that parallel callers do not return at the same instant.
  expect(waits[0]).toBeGreaterThanOrEqual(2_000);
  expect(waits[0]).toBeLessThanOrEqual(2_200);
});

it('waits for the window its policyName names when HubSpot sends no Retry-After', async () => {
  introspection()
    .reply(429, rateLimited('SECONDLY'))
    .get(`/oauth/v1/access-tokens/${TOKEN}`)
    .reply(200, tokenInfo);
  await api.introspect(TOKEN);
  expect(waits).toHaveLength(1);
  expect(waits[0]).toBeGreaterThanOrEqual(1_000);
  expect(waits[0]).toBeLessThan(2_000);
});

it('does not wait for a spent daily quota, and says so', async () => {
  introspection().reply(429, rateLimited('DAILY'));
  const error = await refusedWith(api.introspect(TOKEN));
  expect(error.status).toBe(429);
  expect(error.message).toMatch(
    /^Reading the access token: HubSpot's daily API quota is spent \(429 DAILY\)/,
  );
  expect(waits).toEqual([]);
});

it('gives up when the waits would pass the call budget', async () => {
  introspection()
    .reply(429, rateLimited('TEN_SECONDLY_ROLLING'))
    .get(`/oauth/v1/access-tokens/${TOKEN}`)
    .reply(429, rateLimited('TEN_SECONDLY_ROLLING'));
  const error = await refusedWith(api.introspect(TOKEN));
  expect(error.status).toBe(429);
  expect(error.message).toMatch(/rate limiting \(429 TEN_SECONDLY_ROLLING\) longer than the relay waits/);
  expect(waits).toHaveLength(1);
  expect(waits[0]).toBeLessThanOrEqual(CALL_BUDGET_MS);
});

it('repeats a read after a 5xx or a lost connection', async () => {
  const answers: Array<() => Response> = [
    () => Response.json({ status: 'error', message: 'Bad gateway' }, { status: 502 }),
    () => {
      throw new TypeError('fetch failed');
    },
    () => Response.json(tokenInfo),
  ];
  const flaky = new HubSpotApi(
    loadConfig({ HUBSPOT_BASE_URL: HUBSPOT }),
    (async () => answers.shift()!()) as unknown as typeof fetch,
    Date.now,
    async (ms) => {
      waits.push(ms);
    },
  );
  expect((await flaky.introspect(TOKEN)).portalId).toBe(42);
  expect(waits).toEqual([500, 1_000]);
  expect(answers).toEqual([]);
});

it('reports a read that keeps failing with the last answer, after three attempts', async () => {
  introspection().times(3).reply(500, { status: 'error', message: 'Internal error' });
  const error = await refusedWith(api.introspect(TOKEN));
  expect(error.message).toBe('Reading the access token: HubSpot answered 500: Internal error');
  expect(waits).toEqual([500, 1_000]);
});

it('never repeats a create after a 5xx: it may have been applied', async () => {
  nock(HUBSPOT)
    .post('/webhooks/v3/77/subscriptions')
    .query({ hapikey: 'dev-key' })
    .reply(503, { status: 'error', message: 'Service unavailable' });
  const error = await refusedWith(api.createAppSubscription({ eventType: 'contact.creation' }));
  expect(error.status).toBe(503);
  expect(error.message).toBe(
    'Subscribing the app to contact.creation: HubSpot answered 503: Service unavailable',
  );
  expect(waits).toEqual([]);
});

it('repeats a create after a 429: HubSpot did not process it', async () => {
  nock(HUBSPOT)
    .post('/webhooks/v3/77/subscriptions')
    .query({ hapikey: 'dev-key' })
    .reply(429, rateLimited('SECONDLY'))
    .post('/webhooks/v3/77/subscriptions')
    .query({ hapikey: 'dev-key' })
    .reply(201, { id: 9, eventType: 'contact.creation', active: true });
  await api.createAppSubscription({ eventType: 'contact.creation' });
  expect(waits).toHaveLength(1);
});
