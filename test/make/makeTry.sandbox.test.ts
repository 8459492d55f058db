import { main } from '../../scripts/makeTry';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

/** `npm run make:try`: one generated module run against a sandbox, printed as the partner team reads it. */
describe('make:try', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(() => t.close());

  async function makeTry(...argv: string[]): Promise<{ code: number; out: string }> {
    const printed: string[] = [];
    const code = await main(argv, (text) => printed.push(text));
    return { code, out: printed.join('\n') };
  }
  const against = () => ['--base-url', t.url, '--connection-token', t.token];

  it('runs an action against a given sandbox: the request, its body and the bundle, never the token', async () => {
    const { code, out } = await makeTry(
      'createContact',
      '--param',
      'email=try-make@example.com',
      '--param',
      'firstname=Try',
      ...against(),
    );
    expect(code).toBe(0);
    const created = [...t.sandbox.portal.records.table('0-1').values()].find(
      (r) => r.properties.email === 'try-make@example.com',
    );
    expect(created).toBeDefined();
    expect(out).toContain('createContact (Create Contact, action)');
    expect(out).toContain(`Requests (1):\n  1. POST ${t.url}/crm/v3/objects/contacts\n     body: {`);
    expect(out).toContain('"email": "try-make@example.com"');
    expect(out).toContain(`Bundles (1):\n  1. {\n       "id": "${created!.id}"`);
    expect(out).not.toContain(t.token);
    expect(out).not.toContain('Make error');
  });

  it('runs a search on its own embedded, seeded sandbox', async () => {
    const { code, out } = await makeTry('find_owner', '--param', 'email_or_id=alice.martin@example.com');
    expect(code).toBe(0);
    expect(out).toMatch(
      /^Embedded HubSpot sandbox at http:\/\/127\.0\.0\.1:\d+ \(portal \d+, 200 seeded contacts\)/,
    );
    expect(out).toMatch(
      /Requests \(1\):\n {2}1\. GET http:\/\/127\.0\.0\.1:\d+\/crm\/v3\/owners\?.*email=alice\.martin%40example\.com/,
    );
    expect(out).toContain('Bundles (1):');
    expect(out).toContain('"email": "alice.martin@example.com"');
    expect(out).not.toMatch(/pat-na1-|Bearer/);
  });

  it('prints the mapped Make error, and redacts the token wherever a request carries it', async () => {
    const missing = await makeTry(
      'updateContact',
      '--param',
      'record_id=999999999',
      '--param',
      'firstname=X',
      ...against(),
    );
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('PATCH');
    expect(missing.out).toMatch(/Bundles \(0\):\n\nMake error: DataError: \[404\] /);
    const echoed = await makeTry(
      'apiRequest',
      '--param',
      'method=GET',
      '--param',
      `path=/crm/v3/objects/contacts?note=${t.token}`,
      ...against(),
    );
    expect(echoed.out).toContain('note=[token redacted]');
    expect(echoed.out).not.toContain(t.token);
  });

  it('says what is wrong with the command line, naming the argument', async () => {
    expect(await makeTry()).toEqual({ code: 2, out: expect.stringMatching(/^which module\?/) });
    expect(await makeTry('createContact', '--param', 'email')).toEqual({
      code: 2,
      out: expect.stringMatching(/^--param takes key=value, not "email"/),
    });
    expect((await makeTry('createContact', '--base-url', t.url)).out).toMatch(
      /^--base-url needs --connection-token/,
    );
    expect((await makeTry('nope', ...against())).out).toMatch(/^no Make module "nope"; one of: newContact, /);
    expect((await makeTry('findContact', '--param', 'limit=ten', ...against())).out).toMatch(
      /^--param limit: a number is expected, not "ten"/,
    );
  });
});
