import type { ZObject } from 'zapier-platform-core';
import { type HttpRequest, NetworkError } from '../../hubspot/transport';
import { zapierTransport } from '../../zapier/transport';
import { appTester } from '../support/zapier';

/**
 * The Zapier transport through the real `z.request` (zapier-platform-core and its node-fetch), with nock answering:
 * which failures become a `NetworkError` (and so may be retried), and which must not.
 */

const BASE = 'https://api.hubapi.test';
const TOKEN = 'pat-na1-00000000-fake-0000-0000-000000000000';

let nock: typeof import('nock', { with: { 'resolution-mode': 'import' }}).default;
beforeAll(async () => {
  nock = (await import('nock')).default;
  nock.disableNetConnect();
});
afterAll(() => {
  nock.enableNetConnect();
  // Takes nock's interceptors off http, so the next test file of this jest worker starts clean.
  nock.restore();
});
afterEach(() => nock.cleanAll());

/** What Node's http raises for a failed socket (nock 15 passes only an Error instance through to the request). */
const systemError = (code: string, message: string) => Object.assign(new Error(message), { code });

interface Outcome {
  status?: number;
  text?: string;
  error?: { name: string; message: string; failure?: string; property?: string; isNetwork: boolean };
}

/** Sends one request through `zapierTransport(z)` inside the app tester; reports the answer or the error thrown. */
function send(req: Partial<HttpRequest>): Promise<Outcome> {
  const full: HttpRequest = {
    method: 'GET',
    url: `${BASE}/crm/v3/objects/contacts/1`,
    headers: { authorization: `Bearer ${TOKEN}` },
    ...req,
  };
  return appTester(async (z: ZObject) => {
    try {
      const res = await zapierTransport(z)(full);
      return { status: res.status, text: res.text };
    } catch (error) {
      const e = error as Error & { failure?: string; property?: string };
      return {
        error: {
          name: e.name,
          message: e.message,
          failure: e.failure,
          property: e.property,
          isNetwork: error instanceof NetworkError,
        },
      };
    }
  }) as Promise<Outcome>;
}

test('hands back an answer with its status, whatever the status', async () => {
  nock(BASE).get('/crm/v3/objects/contacts/1').reply(404, { message: 'resource not found' });
  expect(await send({})).toMatchObject({ status: 404, text: '{"message":"resource not found"}' });
});

test.each([
  ['a reset connection (socket hang up)', 'ECONNRESET'],
  ['a refused connection', 'ECONNREFUSED'],
  ['a failed DNS lookup', 'ENOTFOUND'],
])('%s becomes a connection NetworkError', async (_what, code) => {
  nock(BASE)
    .get('/crm/v3/objects/contacts/1')
    .replyWithError(systemError(code, `fake ${code}`));
  const { error } = await send({});
  expect(error).toMatchObject({ name: 'NetworkError', failure: 'connection', isNetwork: true });
});

test('an answer slower than the request timeout becomes a timeout NetworkError', async () => {
  nock(BASE).get('/crm/v3/objects/contacts/1').delay(2_000).reply(200, { id: '1' });
  const started = Date.now();
  const { error } = await send({ timeoutMs: 100 });
  expect(error).toMatchObject({ name: 'NetworkError', failure: 'timeout', isNetwork: true });
  expect(Date.now() - started).toBeLessThan(1_500);
});

test('a failure that is not the network (here a TLS refusal) is not a NetworkError and says what happened', async () => {
  nock(BASE)
    .get('/crm/v3/objects/contacts/1')
    .replyWithError(systemError('CERT_HAS_EXPIRED', 'certificate has expired'));
  const { error } = await send({});
  expect(error?.isNetwork).toBe(false);
  expect(error?.message).toMatch(/could not send the request to HubSpot.*certificate has expired/);
  expect(error?.message).not.toMatch(/Could not reach HubSpot/);
});

test('a mapped value Zapier would refuse ({{bundle…}} curlies) names the field, and nothing is sent', async () => {
  const scope = nock(BASE).post('/crm/v3/objects/contacts').reply(201, { id: '1' });
  const { error } = await send({
    method: 'POST',
    url: `${BASE}/crm/v3/objects/contacts`,
    json: { properties: { email: 'ann@x.test', firstname: 'Hi {{bundle.inputData.first_name}}' } },
  });
  expect(error).toMatchObject({ name: 'FieldValidationError', property: 'firstname', isNetwork: false });
  expect(error?.message).toMatch(/firstname.*\{\{bundle\.inputData\.first_name\}\}/);
  expect(scope.isDone()).toBe(false);
});

test('a 401 on an OAuth token call (no bearer token) comes back as the 401 it is, not as a refresh', async () => {
  nock(BASE).post('/oauth/v3/token').reply(401, { error: 'invalid_client' });
  const outcome = await send({
    method: 'POST',
    url: `${BASE}/oauth/v3/token`,
    headers: {},
    form: { grant_type: 'refresh_token', refresh_token: 'fake-refresh', client_id: 'c', client_secret: 's' },
  });
  expect(outcome).toMatchObject({ status: 401 });
});

test('a 401 on an API call still asks Zapier to refresh the token (autoRefresh)', async () => {
  nock(BASE).get('/crm/v3/objects/contacts/1').reply(401, { category: 'EXPIRED_AUTHENTICATION' });
  const { error } = await send({});
  expect(error).toMatchObject({ name: 'RefreshAuthError', isNetwork: false });
});
