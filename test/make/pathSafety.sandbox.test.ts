import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Json } from '../../make/model';
import { HUBSPOT_API } from '../../make/objectRef';
import { MakeRunner, makeErrorOf, sandboxList } from '../support/make';
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

  const portal = () => t.sandbox.portal;
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

  it('a record id cannot climb to another object: `../companies/{id}` leaves the company alone', async () => {
    const company = await make.action('createCompany', { name: 'Untouched Co' });
    await make.action('createContact', { email: 'climber@example.com' });
    make.requests = [];
    t.sandbox.log.clear();
    const climb = `../companies/${company.id}`;

    const byId = await makeErrorOf(make.action('updateContact', { record_id: climb, firstname: 'Stolen' }));
    expect(byId).toEqual({
      type: 'DataError',
      message: expect.stringMatching(/^Contact ID or unique value \(record_id\): .*digits only/),
    });
    expect(hubspotCalls()).toBe(0);

    // As a unique value it is sent, but encoded: one segment, a contact e-mail HubSpot does not know.
    const byEmail = await makeErrorOf(
      make.action('updateContact', { record_id: climb, id_property: 'email', firstname: 'Stolen' }),
    );
    expect(byEmail.type).toBe('DataError');
    const archive = await makeErrorOf(
      make.action('archiveObject', { object_type: 'contacts', record_id: climb, id_property: 'email' }),
    );
    expect(archive.type).toBe('DataError');

    const stored = portal().records.get('0-2', String(company.id))!;
    expect(stored.properties.name).toBe('Untouched Co');
    expect(stored.archived).toBeFalsy();
    expect(t.sandbox.log.all().map((e) => e.path)).not.toContainEqual(expect.stringContaining('/companies'));
    expect(make.requests.map((r) => new URL(r.url).pathname)).toContain(
      `/crm/v3/objects/contacts/..%2Fcompanies%2F${company.id}`,
    );
  });

  it('a record id cannot smuggle a query: `{id}?archived=true` is one encoded segment', async () => {
    const contact = await make.action('createContact', { email: 'smuggler@example.com' });
    make.requests = [];
    const smuggled = `${contact.id}?archived=true`;
    const error = await makeErrorOf(
      make.action('archiveObject', { object_type: 'contacts', record_id: smuggled, id_property: 'email' }),
    );
    expect(error.type).toBe('DataError');
    expect(portal().records.get('0-1', String(contact.id))!.archived).toBeFalsy();
    expect(make.requests.length).toBeGreaterThan(0);
    for (const request of make.requests)
      expect(new URL(request.url).searchParams.has('archived')).toBe(false);
  });

  it.each([
    ['updateContact', { record_id: '..', id_property: 'email' }, 'Contact ID or unique value (record_id)'],
    ['updateObject', { object_type: 'contacts', record_id: '.', id_property: 'email' }, 'record_id'],
    ['archiveObject', { object_type: '..', record_id: '1' }, 'Object type (object_type)'],
    ['findObject', { object_type: '.', search_property: 'email', search_value: 'x' }, 'object_type'],
    ['mergeRecords', { object_type: '..', primary_id: '1', merged_id: '2' }, 'object_type'],
    ['batchUpsert', { object_type: '..', id_property: 'email', inputs: [] }, 'object_type'],
    [
      'createAssociation',
      { from_object_type: 'contacts', from_id: '1/../2', to_object_type: 'companies', to_id: '3' },
      'From record ID (from_id)',
    ],
    [
      'removeAssociation',
      { from_object_type: '..', from_id: '1', to_object_type: 'companies', to_id: '3' },
      'From object type (from_object_type)',
    ],
    [
      'findAssociations',
      { from_object_type: 'contacts', from_id: '1', to_object_type: '..' },
      'To object type (to_object_type)',
    ],
    ['addToList', { list_id: '..', record_ids: ['1'] }, 'List (list_id)'],
    ['removeFromList', { list_id: '7?x=1', record_ids: ['1'] }, 'List (list_id)'],
    ['submitForm', { form_id: '..', fields: '{"email":"a@example.com"}' }, 'form_id'],
    ['uploadFile', { attach_to_type: 'contacts', attach_to_id: '../1', file: 'x' }, 'attach_to_id'],
  ])(
    '%s refuses a value that would leave its path segment, naming the field, before any call',
    async (name, parameters, field) => {
      const error = await makeErrorOf(make.run(name, parameters as Json));
      expect(error.type).toBe('DataError');
      expect(error.message).toContain(field);
      expect(make.requests).toEqual([]);
      expect(hubspotCalls()).toBe(0);
    },
  );

  it('a numeric list id is sent as it is, in its own segment', async () => {
    const list = sandboxList(t.sandbox, 'Guarded');
    const contact = await make.action('createContact', { email: 'list-guard@example.com' });
    make.requests = [];
    await make.action('addToList', { list_id: list.listId, record_ids: [contact.id] });
    expect([...list.members.keys()]).toEqual([String(contact.id)]);
    expect(make.requests[0]!.url).toMatch(new RegExp(`/crm/v3/lists/${list.listId}$`));
  });
});
