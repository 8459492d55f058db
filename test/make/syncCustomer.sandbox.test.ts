import { MakeRunner } from '../support/make';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

/** The Make "Sync Customer" module through the strict IML runner against the sandbox, path by path. */
describe('Make syncCustomer against the sandbox', () => {
  let t: TestSandbox;
  let make: MakeRunner;

  beforeAll(async () => {
    t = await startTestSandbox();
    make = new MakeRunner(t.url, { accessToken: t.token });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    make.requests = [];
  });

  const sent = () => make.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`);
  const companiesOf = (id: string) => t.sandbox.portal.associations.associatedIds('0-1', id, '0-2');
  const notesOf = (type: string, id: string) => t.sandbox.portal.associations.associatedIds(type, id, '0-46');

  it('creates the contact, the company with the contact inline, and a note on both: 4 requests', async () => {
    const out = await make.action('syncCustomer', {
      email: 'ada@make-engines.example',
      firstname: 'Ada',
      company_domain: 'HTTPS://Make-Engines.example/about',
      company_name: 'Make Engines',
      note: 'First order',
    });
    expect(out).toMatchObject({
      contact_created: true,
      company_created: true,
      company_domain: 'make-engines.example',
      company_name: 'Make Engines',
      firstname: 'Ada',
    });
    expect(sent()).toEqual([
      'POST /crm/v3/objects/contacts/batch/upsert',
      'POST /crm/v3/objects/companies/search',
      'POST /crm/v3/objects/companies',
      'POST /crm/v3/objects/notes',
    ]);
    expect(companiesOf(String(out.id))).toEqual([out.company_id]);
    expect(notesOf('0-2', String(out.company_id))).toEqual([out.note_id]);
    expect(notesOf('0-1', String(out.id))).toEqual([out.note_id]);
  });

  it('finds the existing company and associates it: 3 requests without a note', async () => {
    const out = await make.action('syncCustomer', {
      email: 'babbage@make-engines.example',
      company_domain: 'make-engines.example',
      company_name: 'Ignored',
    });
    expect(out).toMatchObject({
      contact_created: true,
      company_created: false,
      company_name: 'Make Engines',
      note_id: null,
    });
    expect(sent()).toEqual([
      'POST /crm/v3/objects/contacts/batch/upsert',
      'POST /crm/v3/objects/companies/search',
      `PUT /crm/v4/objects/contacts/${out.id}/associations/default/companies/${out.company_id}`,
    ]);
    expect(companiesOf(String(out.id))).toEqual([out.company_id]);
  });

  it('syncs the contact alone, updating it: 1 request, 2 with a note on the contact only', async () => {
    const alone = await make.action('syncCustomer', {
      email: 'ADA@make-engines.example',
      lastname: 'Lovelace',
    });
    expect(alone).toMatchObject({
      contact_created: false,
      company_id: null,
      note_id: null,
      lastname: 'Lovelace',
    });
    expect(sent()).toHaveLength(1);
    make.requests = [];
    const noted = await make.action('syncCustomer', { email: 'solo@make.example', note: 'Hello' });
    expect(sent()).toEqual(['POST /crm/v3/objects/contacts/batch/upsert', 'POST /crm/v3/objects/notes']);
    expect(notesOf('0-1', String(noted.id))).toEqual([noted.note_id]);
  });
});
