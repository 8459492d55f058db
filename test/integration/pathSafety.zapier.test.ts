import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';
import { run, useBaseUrl } from '../support/zapier';

/**
 * Every Zapier operation that puts a value in a URL path refuses one that would address another endpoint (`.`, `..`,
 * or a non-numeric record id where only an id is taken), naming the field, before any HubSpot call. A unique value
 * (an e-mail used with "Find by") may hold anything else: it is encoded into one segment.
 */
describe('Zapier operations keep each id in its own path segment', () => {
  let t: TestSandbox;
  let authData: Record<string, string>;
  let thief: Server;
  let thiefHost: string;
  const stolen: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    t = await startTestSandbox();
    useBaseUrl(t.url);
    authData = { access_token: t.token, hub_id: String(t.sandbox.portal.info.portalId) };
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
    t.sandbox.log.clear();
    t.sandbox.portal.limits.reset();
    stolen.length = 0;
  });

  const hubspotCalls = () => t.sandbox.log.all().map((e) => `${e.method} ${e.path}`);

  it.each([
    [
      'creates',
      'update_contact',
      { record_id: '..', id_property: 'email' },
      /Contact ID or unique value \(record_id\): cannot be "\." or "\.\."/,
    ],
    [
      'creates',
      'update_contact',
      { record_id: '../companies/1' },
      /\(record_id\): "\.\.\/companies\/1" is not a HubSpot record ID \(digits only\)/,
    ],
    ['creates', 'update_company', { record_id: '1?archived=true' }, /\(record_id\): .*digits only/],
    [
      'creates',
      'update_line_item',
      { record_id: '.', id_property: 'hs_sku' },
      /Line item ID or unique value \(record_id\): cannot be/,
    ],
    [
      'creates',
      'update_object',
      { object_type: 'contacts', record_id: '.' },
      /Record ID or unique value \(record_id\): .*digits only/,
    ],
    [
      'creates',
      'archive_object',
      { object_type: 'contacts', record_id: '..', id_property: 'email' },
      /\(record_id\): cannot be "\." or "\.\."/,
    ],
    [
      'creates',
      'archive_object',
      { object_type: 'contacts', record_id: '../companies/1' },
      /\(record_id\): .*digits only/,
    ],
    [
      'searches',
      'find_contact',
      { search_property: 'email', search_value: '..' },
      /Value \(search_value\): cannot be/,
    ],
    [
      'creates',
      'merge_records',
      { object_type: 'contacts', primary_id: '..', merged_id: '1' },
      /\(primary_id\): .*digits only/,
    ],
    [
      'creates',
      'create_association',
      { from_object_type: 'contacts', from_id: '..', to_object_type: 'companies', to_id: '1' },
      /From record ID \(from_id\): .*digits only/,
    ],
    [
      'creates',
      'add_to_list',
      { list_id: '..', record_ids: ['1'] },
      /List \(list_id\): "\.\." is not a list ID/,
    ],
    [
      'creates',
      'remove_from_list',
      { list_id: '7/../8', record_ids: ['1'] },
      /List \(list_id\): .*not a list ID/,
    ],
    ['triggers', 'new_list_member', { list_id: '.' }, /List \(list_id\): .*not a list ID/],
    ['searches', 'find_list', { name_or_id: '..' }, /List name or ID \(name_or_id\): cannot be/],
    [
      'creates',
      'submit_form',
      { form_id: '..', fields: '{"email":"a@example.com"}' },
      /Form \(form_id\): cannot be/,
    ],
    ['triggers', 'new_form_submission', { form_ids: ['..'] }, /Forms \(form_ids\): cannot be/],
  ] as const)('%s %s refuses %j naming the field, before any call', async (kind, key, inputData, message) => {
    await expect(run(kind, key, { authData, inputData: { ...inputData } })).rejects.toThrow(message);
    expect(hubspotCalls()).toEqual([]);
  });

  it('a unique value is one encoded segment: `../companies/{id}` by e-mail reaches no company', async () => {
    const company = (await run('creates', 'create_company', {
      authData,
      inputData: { name: 'Untouched' },
    })) as {
      id: string;
    };
    t.sandbox.log.clear();
    await expect(
      run('creates', 'update_contact', {
        authData,
        inputData: { record_id: `../companies/${company.id}`, id_property: 'email', firstname: 'X' },
      }),
    ).rejects.toThrow();
    expect(t.sandbox.portal.records.get('0-2', company.id)!.properties.name).toBe('Untouched');
    expect(hubspotCalls()).toContain(`PATCH /crm/v3/objects/contacts/..%2Fcompanies%2F${company.id}`);
  });

  it('a contact is still found and updated by an e-mail holding dots', async () => {
    await run('creates', 'create_contact', { authData, inputData: { email: 'first.last@mail.example.com' } });
    const updated = (await run('creates', 'update_contact', {
      authData,
      inputData: { record_id: 'first.last@mail.example.com', id_property: 'email', firstname: 'Dots' },
    })) as { properties: Record<string, string> };
    expect(updated.properties.firstname).toBe('Dots');
  });

  it('api_request sends the token only to paths on the HubSpot API, refusing the rest naming the field', async () => {
    for (const path of [
      `http://${thiefHost}/steal`,
      `//${thiefHost}/steal`,
      `\\\\${thiefHost}/steal`,
      `/\\${thiefHost}/steal`,
      `@${thiefHost}/steal`,
      `${t.url}@${thiefHost}/steal`,
      `${thiefHost}/steal`,
      '/crm/v3/objects/contacts/..',
      '/crm/v3/objects\r\nX-Injected: 1',
    ]) {
      await expect(
        run('creates', 'api_request', { authData, inputData: { method: 'GET', path } }),
      ).rejects.toThrow(/^Path \(path\): /);
    }
    expect(stolen).toEqual([]);
    expect(hubspotCalls()).toEqual([]);
  });

  it('api_request takes a path typed without its leading slash', async () => {
    const res = (await run('creates', 'api_request', {
      authData,
      inputData: { method: 'GET', path: 'crm/v3/owners', query: '{"limit": 1}' },
    })) as { status: number };
    expect(res.status).toBe(200);
    expect(hubspotCalls()).toEqual(['GET /crm/v3/owners']);
  });
});
