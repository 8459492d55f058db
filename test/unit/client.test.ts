import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import zapier from 'zapier-platform-core';
import { DEFAULT_BUDGET_MS, HubSpotClient, isWorthLogging } from '../../hubspot/client';
import {
  ConnectionFailedError,
  DailyQuotaError,
  RateLimitedError,
  ServerError,
  TryLaterError,
} from '../../hubspot/errors';
import { paths } from '../../hubspot/paths';
import { DEFAULT_RETRY_POLICY } from '../../hubspot/retry';
import { REQUEST_TIMEOUT_CAP_MS } from '../../hubspot/timeout';
import {
  fetchTransport,
  makeResponse,
  NetworkError,
  networkFailureOf,
  type Transport,
} from '../../hubspot/transport';
import { toZapierError } from '../../zapier/errors';
import { FakeClock } from './fakeClock';

const BASE = 'https://api.hubapi.test';
const TOKEN = 'pat-na1-00000000-fake-0000-0000-000000000000';
const burst429 = {
  status: 'error',
  message: 'You have reached your ten_secondly_rolling limit.',
  errorType: 'RATE_LIMIT',
  policyName: 'TEN_SECONDLY_ROLLING',
  correlationId: 'c-1',
};
const secondly429 = {
  status: 'error',
  message: 'You have reached your secondly limit.',
  errorType: 'RATE_LIMIT',
  policyName: 'SECONDLY',
  correlationId: 'c-2',
};

// nock 15 is an ES module; this test file compiles to CommonJS, so it is loaded with a dynamic import.
let nock: typeof import('nock', { with: { 'resolution-mode': 'import' }}).default;
let saved: string | undefined;
beforeAll(async () => {
  nock = (await import('nock')).default;
  saved = process.env.HUBSPOT_BASE_URL;
  process.env.HUBSPOT_BASE_URL = BASE;
  nock.disableNetConnect();
});
afterAll(() => {
  if (saved === undefined) delete process.env.HUBSPOT_BASE_URL;
  else process.env.HUBSPOT_BASE_URL = saved;
  nock.enableNetConnect();
  // Takes nock's interceptors off http and fetch, so the next test file of this jest worker starts clean.
  nock.restore();
});
afterEach(() => nock.cleanAll());

/** A local port nothing listens on: the connection is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function client(clock = new FakeClock(), budgetMs?: number) {
  return new HubSpotClient({
    accessToken: async () => TOKEN,
    clock,
    budgetMs,
    retryPolicy: { random: () => 0 },
  });
}

test('adds the bearer token and returns parsed JSON with the status', async () => {
  const scope = nock(BASE, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
    .post('/crm/v3/objects/contacts', { properties: { email: 'ann@x.test' } })
    .reply(201, { id: '512' });
  const res = await client().request({
    method: 'POST',
    path: paths.objects.create('contacts'),
    json: { properties: { email: 'ann@x.test' } },
  });
  expect(res).toMatchObject({ status: 201, data: { id: '512' } });
  scope.done();
});

test('a TEN_SECONDLY_ROLLING 429 waits for the window and retries, then succeeds', async () => {
  const clock = new FakeClock();
  const scope = nock(BASE)
    .post('/crm/v3/objects/contacts')
    .reply(429, burst429)
    .post('/crm/v3/objects/contacts')
    .reply(201, { id: '7' });
  const res = await client(clock).request({
    method: 'POST',
    path: paths.objects.create('contacts'),
    json: {},
  });
  expect(res.data).toEqual({ id: '7' });
  expect(clock.sleeps).toEqual([10_000]);
  scope.done();
});

test('a 429 whose wait does not fit the budget becomes RateLimitedError with retryAfterSeconds', async () => {
  nock(BASE).get('/crm/v3/objects/contacts/1').reply(429, burst429);
  const run = client(new FakeClock(), 5_000).request({
    method: 'GET',
    path: paths.objects.one('contacts', 1),
  });
  await expect(run).rejects.toBeInstanceOf(RateLimitedError);
  await expect(run).rejects.toMatchObject({ retryAfterSeconds: 10, kind: 'rate-limited' });
});

describe("the wait after a 429 follows HubSpot's policyName, not the lane", () => {
  const search = paths.objects.search('contacts');

  test('a SECONDLY 429 on a create waits one second', async () => {
    const clock = new FakeClock();
    const scope = nock(BASE)
      .post('/crm/v3/objects/contacts')
      .reply(429, secondly429)
      .post('/crm/v3/objects/contacts')
      .reply(201, { id: '8' });
    await client(clock).request({ method: 'POST', path: paths.objects.create('contacts'), json: {} });
    expect(clock.sleeps).toEqual([1_000]);
    scope.done();
  });

  test('a TEN_SECONDLY_ROLLING 429 on a search waits for the 10-second window', async () => {
    const clock = new FakeClock();
    const scope = nock(BASE).post(search).reply(429, burst429).post(search).reply(200, { results: [] });
    await client(clock).request({ method: 'POST', path: search, json: {}, lane: 'search', idempotent: true });
    expect(clock.sleeps).toEqual([10_000]);
    scope.done();
  });

  test('the window a TEN_SECONDLY_ROLLING 429 reports in its headers is the wait', async () => {
    const clock = new FakeClock();
    const scope = nock(BASE)
      .post('/crm/v3/objects/contacts')
      .reply(429, burst429, { 'X-HubSpot-RateLimit-Interval-Milliseconds': '4000' })
      .post('/crm/v3/objects/contacts')
      .reply(201, { id: '8' });
    await client(clock).request({ method: 'POST', path: paths.objects.create('contacts'), json: {} });
    expect(clock.sleeps).toEqual([4_000]);
    scope.done();
  });

  test('a Retry-After header wins over the policy', async () => {
    const clock = new FakeClock();
    const scope = nock(BASE)
      .post('/crm/v3/objects/contacts')
      .reply(429, burst429, { 'Retry-After': '3' })
      .post('/crm/v3/objects/contacts')
      .reply(201, { id: '8' });
    await client(clock).request({ method: 'POST', path: paths.objects.create('contacts'), json: {} });
    expect(clock.sleeps).toEqual([3_000]);
    scope.done();
  });

  test.each([
    ['burst', paths.objects.create('contacts'), 10_000],
    ['search', search, 1_000],
  ] as const)(
    "a 429 naming no policy on the %s lane waits for that lane's window",
    async (lane, path, wait) => {
      const clock = new FakeClock();
      const scope = nock(BASE)
        .post(path)
        .reply(429, { status: 'error', message: 'Too many requests' })
        .post(path)
        .reply(200, {});
      await client(clock).request({ method: 'POST', path, json: {}, lane, idempotent: true });
      expect(clock.sleeps).toEqual([wait]);
      scope.done();
    },
  );

  test('a SECONDLY 429 that outlasts the budget tells the platform to wait one second', async () => {
    nock(BASE).post('/crm/v3/objects/contacts').reply(429, secondly429);
    const run = client(new FakeClock(), 500).request({
      method: 'POST',
      path: paths.objects.create('contacts'),
      json: {},
    });
    await expect(run).rejects.toMatchObject({ retryAfterSeconds: 1, policyName: 'SECONDLY' });
    await expect(run).rejects.toThrow(/Try again in 1 seconds/);
  });
});

test("a 423 Locked on a create reaches Zapier as ThrottledError with HubSpot's lock delay", async () => {
  nock(BASE).post('/crm/v3/objects/deals').once().reply(423, { status: 'error', message: 'Locked' });
  const error = await client()
    .request({ method: 'POST', path: paths.objects.create('deals'), json: {} })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TryLaterError);
  const thrown = toZapierError({ errors: zapier.errors } as never, error) as Error;
  expect(thrown.name).toBe('ThrottledError');
  expect(JSON.parse(thrown.message)).toMatchObject({ delay: 2 });
});

test('a DAILY 429 is not retried', async () => {
  const scope = nock(BASE)
    .get('/crm/v3/objects/contacts/1')
    .once()
    .reply(429, { status: 'error', message: 'You have reached your daily limit.', policyName: 'DAILY' });
  const clock = new FakeClock();
  await expect(
    client(clock).request({ method: 'GET', path: paths.objects.one('contacts', 1) }),
  ).rejects.toBeInstanceOf(DailyQuotaError);
  expect(clock.sleeps).toEqual([]);
  scope.done();
});

test('a 5xx on GET is retried with backoff', async () => {
  const clock = new FakeClock();
  const scope = nock(BASE)
    .get('/crm/v3/objects/deals/9')
    .reply(502, 'Bad gateway')
    .get('/crm/v3/objects/deals/9')
    .reply(503, {})
    .get('/crm/v3/objects/deals/9')
    .reply(200, { id: '9' });
  const res = await client(clock).request({ method: 'GET', path: paths.objects.one('deals', 9) });
  expect(res.data).toEqual({ id: '9' });
  expect(clock.sleeps).toEqual([250, 500]);
  scope.done();
});

test('a 5xx on a create (POST) is not retried', async () => {
  const scope = nock(BASE)
    .post('/crm/v3/objects/deals')
    .once()
    .reply(500, { message: 'boom', correlationId: 'c-5' });
  const run = client().request({ method: 'POST', path: paths.objects.create('deals'), json: {} });
  await expect(run).rejects.toBeInstanceOf(ServerError);
  scope.done();
});

test('an idempotent POST (batch read) is retried after a dropped connection', async () => {
  let calls = 0;
  const flaky: Transport = (req) =>
    calls++ === 0 ? Promise.reject(new NetworkError('connection', 'socket hang up')) : fetchTransport(req);
  const scope = nock(BASE).post('/crm/v3/objects/contacts/batch/read').reply(200, { results: [] });
  const c = new HubSpotClient({
    accessToken: TOKEN,
    transport: flaky,
    clock: new FakeClock(),
    retryPolicy: { random: () => 0 },
  });
  const res = await c.request({
    method: 'POST',
    path: paths.objects.batch('contacts', 'read'),
    json: { inputs: [] },
    idempotent: true,
  });
  expect(res.data).toEqual({ results: [] });
  expect(calls).toBe(2);
  scope.done();
});

test('a create whose answer is lost is not retried, and its message says it may exist and how to check', async () => {
  let calls = 0;
  const lost: Transport = () => {
    calls++;
    return Promise.reject(new NetworkError('timeout', 'HubSpot did not answer in time.'));
  };
  const c = new HubSpotClient({ accessToken: TOKEN, transport: lost, clock: new FakeClock() });
  const run = c.request({
    method: 'POST',
    path: paths.objects.create('deals'),
    json: {},
    errorContext: {
      unconfirmedWrite: { outcome: 'created the deal', check: 'search deals for Deal Name (dealname) "Q3"' },
    },
  });
  await expect(run).rejects.toThrow(
    'HubSpot did not answer within 12 seconds, so HubSpot may have created the deal ' +
      'anyway. Before running the step again, check whether it exists: search deals for Deal Name (dealname) "Q3".',
  );
  expect(calls).toBe(1);
  // A read that fails the same way may simply be repeated.
  const read = c.request({ method: 'GET', path: paths.objects.one('deals', 1) });
  await expect(read).rejects.toThrow(/It is safe to run this step again\.$/);
});

test('a 5xx on a POST that is not repeated says the change may have been applied', async () => {
  nock(BASE).post('/crm/v3/objects/deals/merge').reply(500, { message: 'boom' });
  const run = client().request({ method: 'POST', path: paths.objects.merge('deals'), json: {} });
  await expect(run).rejects.toThrow(
    /HTTP 500.*may have applied the change anyway.*before running the step again/,
  );
  await expect(run).rejects.not.toThrow(/Try again/);
  // An update sets values: doing it again is harmless.
  nock(BASE).patch('/crm/v3/objects/deals/9').reply(500, { message: 'boom' });
  const update = client().request({ method: 'PATCH', path: paths.objects.one('deals', 9), json: {} });
  await expect(update).rejects.toThrow(/HTTP 500\)\. Try again later\.$/);
});

test('a response counts the earlier attempts whose outcome is unknown (lost answer, 5xx), not 429s', async () => {
  let calls = 0;
  const flaky: Transport = (req) =>
    calls++ === 0 ? Promise.reject(new NetworkError('connection', 'socket hang up')) : fetchTransport(req);
  const scope = nock(BASE)
    .post('/crm/v3/objects/contacts/batch/upsert')
    .reply(502, 'Bad gateway')
    .post('/crm/v3/objects/contacts/batch/upsert')
    .reply(429, burst429)
    .post('/crm/v3/objects/contacts/batch/upsert')
    .reply(200, { results: [] });
  const c = new HubSpotClient({
    accessToken: TOKEN,
    transport: flaky,
    clock: new FakeClock(),
    retryPolicy: { random: () => 0 },
  });
  const request = {
    method: 'POST',
    path: paths.objects.batch('contacts', 'upsert'),
    idempotent: true,
  } as const;
  expect((await c.request(request)).uncertainAttempts).toBe(2);
  scope.done();
  nock(BASE).post('/crm/v3/objects/contacts/batch/upsert').reply(200, { results: [] });
  expect((await c.request(request)).uncertainAttempts).toBe(0);
});

test('fetchTransport turns a refused connection into a typed NetworkError', async () => {
  const port = await closedPort();
  nock.enableNetConnect('127.0.0.1');
  const run = fetchTransport({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} });
  await expect(run).rejects.toBeInstanceOf(NetworkError);
  await expect(run).rejects.toMatchObject({ failure: 'connection' });
  nock.disableNetConnect();
});

test('fetchTransport lets a failure that is not the network through as itself (fetch refuses port 1)', async () => {
  nock.enableNetConnect('127.0.0.1');
  const run = fetchTransport({ method: 'GET', url: 'http://127.0.0.1:1/', headers: {} });
  await expect(run).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed' });
  await expect(run).rejects.not.toBeInstanceOf(NetworkError);
  nock.disableNetConnect();
});

test('transient retries stop after three and the error surfaces', async () => {
  nock(BASE).get('/crm/v3/owners').times(4).reply(500, {});
  await expect(
    client(new FakeClock(), 60_000).request({ method: 'GET', path: paths.owners.list() }),
  ).rejects.toBeInstanceOf(ServerError);
  expect(nock.isDone()).toBe(true);
});

test('423 Locked waits at least 2 s before retrying an idempotent request', async () => {
  const clock = new FakeClock();
  nock(BASE)
    .get('/crm/v3/objects/contacts/3')
    .reply(423, {})
    .get('/crm/v3/objects/contacts/3')
    .reply(200, { id: '3' });
  await client(clock).request({ method: 'GET', path: paths.objects.one('contacts', 3) });
  expect(clock.sleeps[0]).toBeGreaterThanOrEqual(2000);
});

test('acceptStatuses hands a 404 back instead of throwing', async () => {
  nock(BASE)
    .get('/crm/v3/objects/contacts/x')
    .query({ idProperty: 'email' })
    .reply(404, { message: 'resource not found' });
  const res = await client().request({
    method: 'GET',
    path: paths.objects.one('contacts', 'x'),
    query: { idProperty: 'email' },
    acceptStatuses: [404],
  });
  expect(res.status).toBe(404);
});

test('logs a response only when it is an error or the burst window or daily quota runs low', () => {
  const headers = (remaining: number, dailyRemaining: number) => ({
    'x-hubspot-ratelimit-max': '100',
    'x-hubspot-ratelimit-remaining': String(remaining),
    'x-hubspot-ratelimit-daily': '250000',
    'x-hubspot-ratelimit-daily-remaining': String(dailyRemaining),
  });
  expect(isWorthLogging({ status: 200, headers: headers(50, 200_000) })).toBe(false);
  expect(isWorthLogging({ status: 200, headers: {} })).toBe(false);
  expect(isWorthLogging({ status: 200, headers: headers(9, 200_000) })).toBe(true);
  expect(isWorthLogging({ status: 200, headers: headers(50, 12_000) })).toBe(true);
  expect(isWorthLogging({ status: 404, headers: {} })).toBe(true);
});

describe('request timeouts', () => {
  const contact = { method: 'GET', path: paths.objects.one('contacts', 1) } as const;
  const create = { method: 'POST', path: paths.objects.create('contacts'), json: {} } as const;

  /** A HubSpot whose first `stalls` answers never come: each uses up its whole timeout on the fake clock. */
  function stalling(clock: FakeClock, stalls = Number.POSITIVE_INFINITY) {
    const timeouts: number[] = [];
    const transport: Transport = async (req) => {
      timeouts.push(req.timeoutMs ?? Number.NaN);
      if (timeouts.length > stalls) return makeResponse(200, {}, '{"id":"1"}');
      clock.advance(req.timeoutMs ?? 0);
      throw new NetworkError('timeout', 'HubSpot did not answer in time.');
    };
    const api = new HubSpotClient({ accessToken: TOKEN, transport, clock, retryPolicy: { random: () => 0 } });
    return { api, timeouts };
  }

  afterEach(() => {
    delete process.env.HUBSPOT_REQUEST_TIMEOUT_MS;
  });

  test('the cap leaves room in the step budget for a retry after the first backoff', () => {
    expect(2 * REQUEST_TIMEOUT_CAP_MS + DEFAULT_RETRY_POLICY.baseDelayMs).toBeLessThan(DEFAULT_BUDGET_MS);
  });

  test('a stalled read is given up at the cap and retried once, inside the budget, and then answers', async () => {
    const clock = new FakeClock();
    const { api, timeouts } = stalling(clock, 1);
    const res = await api.request(contact);
    expect(res.data).toEqual({ id: '1' });
    expect(timeouts[0]).toBe(REQUEST_TIMEOUT_CAP_MS);
    // The retry's timeout comes from what remains, keeping room for one more.
    expect(timeouts[1]).toBeLessThanOrEqual((DEFAULT_BUDGET_MS - REQUEST_TIMEOUT_CAP_MS) / 2);
    expect(clock.sleeps).toEqual([250]);
  });

  test('a read that keeps stalling fails as a timeout before the step budget runs out', async () => {
    const clock = new FakeClock();
    const started = clock.now();
    const { api, timeouts } = stalling(clock);
    const run = api.request(contact);
    await expect(run).rejects.toBeInstanceOf(ConnectionFailedError);
    await expect(run).rejects.toThrow(/did not answer within/);
    expect(timeouts.length).toBeGreaterThanOrEqual(2);
    expect(clock.now() - started).toBeLessThanOrEqual(DEFAULT_BUDGET_MS);
  });

  test('a create that times out is not retried, and the error says it may have been made', async () => {
    const clock = new FakeClock();
    const { api, timeouts } = stalling(clock);
    const run = api.request(create);
    await expect(run).rejects.toBeInstanceOf(ConnectionFailedError);
    await expect(run).rejects.toThrow(
      /did not answer within 12 seconds, so HubSpot may have applied the change anyway\. Check in HubSpot before running the step again/,
    );
    expect(timeouts).toEqual([REQUEST_TIMEOUT_CAP_MS]);
    expect(clock.sleeps).toEqual([]);
  });

  test('a request sent late in the step gets only what remains of the budget', async () => {
    const clock = new FakeClock();
    const { api, timeouts } = stalling(clock, 0);
    clock.advance(DEFAULT_BUDGET_MS - 10_000);
    await api.request(create);
    await api.request(contact);
    expect(timeouts).toEqual([10_000, (10_000 - DEFAULT_RETRY_POLICY.baseDelayMs) / 2]);
  });

  test('HUBSPOT_REQUEST_TIMEOUT_MS sets the per-request timeout, read at call time', async () => {
    const { api, timeouts } = stalling(new FakeClock(), 0);
    process.env.HUBSPOT_REQUEST_TIMEOUT_MS = '1000';
    await api.request(contact);
    delete process.env.HUBSPOT_REQUEST_TIMEOUT_MS;
    await api.request(create);
    expect(timeouts).toEqual([1_000, REQUEST_TIMEOUT_CAP_MS]);
  });

  test('a HUBSPOT_REQUEST_TIMEOUT_MS that is not a number of milliseconds is refused by name', async () => {
    process.env.HUBSPOT_REQUEST_TIMEOUT_MS = '2s';
    const { api } = stalling(new FakeClock(), 0);
    await expect(api.request(contact)).rejects.toThrow(/HUBSPOT_REQUEST_TIMEOUT_MS .*"2s"/);
  });

  test('what fetch and Node raise for a timeout or a broken connection is read as such, other errors are not', async () => {
    const signal = AbortSignal.timeout(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(networkFailureOf(signal.reason)).toBe('timeout');
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(networkFailureOf(new TypeError('fetch failed', { cause: refused }))).toBe('connection');
    expect(networkFailureOf(new TypeError('Failed to parse URL from ::'))).toBeUndefined();
    // The message alone decides nothing.
    expect(networkFailureOf(new Error('socket hang up, network timeout'))).toBeUndefined();
  });
});
