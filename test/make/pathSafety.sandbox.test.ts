import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HUBSPOT_API } from '../../make/objectRef';
import { MakeRunner, makeErrorOf } from '../support/make';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

/**
 * What a Make module puts in a URL never leaves the HubSpot host nor reaches another endpoint: "Make an API Call"
 * takes relative paths only, and every value placed in a path is encoded, with `.`/`..` refused before any call.
 * A local server plays the thief: it must receive nothing.
 */
describe('Make modules keep the token on HubSpot and each value in its own path segment', () => {
  let t: TestSandbox;
  let make: MakeRunner;
  let thief: Server;
  let thiefHost: string;
  const stolen: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    t = await startTestSandbox();
    make = new MakeRunner(t.url, { accessToken: t.token });
    thief = createServer((req, res) => {
      stolen.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
    await new Promise<void>((resolve) => thief.listen(0, '127.0.0.1', resolve));
    thiefHost = `127.0.0.1:${(thief.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => thief.close(resolve));
    await t.close();
  });
  beforeEach(() => {
    t.sandbox.portal.limits.reset();
    t.sandbox.log.clear();
    make.requests = [];
    stolen.length = 0;
  });

  const hubspotCalls = () => t.sandbox.log.all().length;

  it('"Make an API Call" refuses anything but a path on the HubSpot API, naming the field, and sends nothing', async () => {
    const paths = [
      `http://${thiefHost}/steal`,
      `HTTPS://${thiefHost}/steal`,
      `//${thiefHost}/steal`,
      `\\\\${thiefHost}/steal`,
      `/\\${thiefHost}/steal`,
      `${HUBSPOT_API}@${thiefHost}/steal`,
      `@${thiefHost}/steal`,
      `javascript:alert(1)`,
      '/crm/v3/../../steal',
      '/crm/v3/objects/contacts/..',
      '/crm/%2e%2E/steal',
      '/crm/v3/objects/contacts/.',
      '/crm/v3/objects\r\nX-Injected: 1',
      '/crm/v3/objects/contacts\u0000',
    ];
    for (const path of paths) {
      const error = await makeErrorOf(make.action('apiRequest', { method: 'GET', path }));
      expect({ path, type: error.type, message: error.message }).toEqual({
        path,
        type: 'DataError',
        message: expect.stringMatching(/^URL \(path\): /),
      });
    }
    expect(stolen).toEqual([]);
    expect(make.requests).toEqual([]);
    expect(hubspotCalls()).toBe(0);
  });

  it('"Make an API Call" takes a path typed without its leading slash', async () => {
    const answer = await make.action('apiRequest', {
      method: 'GET',
      path: 'crm/v3/objects/contacts',
      query: [{ key: 'limit', value: '1' }],
    });
    expect(answer.statusCode).toBe(200);
    expect(make.requests.map((r) => new URL(r.url).pathname)).toEqual(['/crm/v3/objects/contacts']);
  });
});
