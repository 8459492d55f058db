import { createHash } from 'node:crypto';
import type { Json } from '../../make/model';
import { MakeRunner, makeErrorOf, sandboxList } from '../support/make';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

/**
 * The Make modules that associate, write lists, look up owners and lists, submit forms and upload files, run by the
 * IML evaluator against the sandbox: each one's effect is checked in the sandbox's own state.
 */
describe('Make association, engagement, list, owner, form and file modules against the sandbox', () => {
  let t: TestSandbox;
  let make: MakeRunner;
  let labelTypeId: number;

  beforeAll(async () => {
    t = await startTestSandbox();
    make = new MakeRunner(t.url, { accessToken: t.token });
    const res = await t.call('POST', '/crm/v4/associations/contacts/companies/labels', {
      label: 'Decision maker',
      name: 'decision_maker',
      inverseLabel: 'Has decision maker',
    });
    const created = (await res.json()) as { results: Array<{ typeId: number; label: string }> };
    labelTypeId = created.results.find((r) => r.label === 'Decision maker')!.typeId;
  });
  afterAll(() => t.close());
  beforeEach(() => {
    t.sandbox.portal.limits.reset();
    make.requests = [];
  });

  const portal = () => t.sandbox.portal;
  const record = async (type: string, properties: Json) =>
    String((await make.action(`create${type}`, properties)).id);
  const typesBetween = (fromTypeId: string, fromId: string, toTypeId: string, toId: string) => [
    ...(portal().associations.typesBetween(fromTypeId, fromId, toTypeId, toId)?.keys() ?? []),
  ];

  it.each([
    ['createNote', '0-46', { hs_note_body: 'Called about renewal' }],
    ['createTask', '0-27', { hs_task_subject: 'Send the contract' }],
    ['createCall', '0-48', { hs_call_title: 'Discovery call' }],
    ['createMeeting', '0-47', { hs_meeting_title: 'Kick-off' }],
    ['createEmail', '0-49', { hs_email_subject: 'Proposal', hs_email_direction: 'EMAIL' }],
  ] as const)(
    '%s creates the engagement associated with every id of each list, in one call',
    async (name, typeId, props) => {
      const a = await record('Contact', { email: `${name}-a@example.com` });
      const b = await record('Contact', { email: `${name}-b@example.com` });
      const co = await record('Company', { name: `${name} Co` });
      make.requests = [];
      const created = await make.action(name, {
        hs_timestamp: '2026-01-05T09:00:00.000Z',
        contact_ids: [a, b],
        company_ids: [co],
        ...props,
      });
      expect(make.requests).toHaveLength(1);
      const id = String(created.id);
      expect(typesBetween(typeId, id, '0-1', a)).toHaveLength(1);
      expect(typesBetween(typeId, id, '0-1', b)).toHaveLength(1);
      expect(typesBetween(typeId, id, '0-2', co)).toHaveLength(1);
      // No ids at all: the engagement is created alone.
      const alone = await make.action(name, { hs_timestamp: '2026-01-05T09:00:00.000Z', ...props });
      expect(alone.id).toEqual(expect.stringMatching(/^\d+$/));
    },
  );

  it('createLineItem copies the product and attaches the line item to the deal', async () => {
    const product = await record('Product', { name: 'Widget', price: 10 });
    const deal = await record('Deal', { dealname: 'With items' });
    const item = await make.action('createLineItem', { product_id: product, deal_id: deal, quantity: 3 });
    const stored = portal().records.get('0-8', String(item.id))!;
    expect(stored.properties).toEqual(expect.objectContaining({ hs_product_id: product, quantity: '3' }));
    expect(typesBetween('0-8', String(item.id), '0-3', deal)).toHaveLength(1);
    const orphan = await make.action('createLineItem', { name: 'Loose', price: 1 });
    expect((orphan.properties as Json).name).toBe('Loose');
  });

  it('creates associations unlabelled, by label value and by label name; removes one label, then all', async () => {
    const c = await record('Contact', { email: 'assoc@example.com' });
    const co = await record('Company', { name: 'Assoc Co' });
    const pair = { from_object_type: 'contacts', from_id: c, to_object_type: 'companies', to_id: co };
    const plain = await make.action('createAssociation', pair);
    expect(plain).toEqual(expect.objectContaining({ from_id: c, to_id: co, labels: [] }));
    expect(typesBetween('0-1', c, '0-2', co)).toEqual([279]);

    const labels = await make.rpc('listAssociationLabelsFromObjectTypeToObjectType', pair);
    expect(labels).toContainEqual({ label: 'Decision maker', value: `USER_DEFINED:${labelTypeId}` });
    const byValue = await make.action('createAssociation', { ...pair, label: `USER_DEFINED:${labelTypeId}` });
    expect(byValue.labels).toContain('Decision maker');
    await make.action('createAssociation', { ...pair, label: 'Decision maker' });
    expect(typesBetween('0-1', c, '0-2', co).sort()).toEqual([279, labelTypeId].sort());

    const unknown = await makeErrorOf(make.action('createAssociation', { ...pair, label: 'Nope' }));
    expect(unknown).toEqual({
      type: 'DataError',
      message: expect.stringMatching(/^Association label: "Nope"/),
    });

    const found = (await make.run('findAssociations', pair)).outputs as Json[];
    // Labels line up with type ids: the unlabelled type's label is null (Make's map keeps every value).
    expect(found).toEqual([
      expect.objectContaining({ id: co, labels: expect.arrayContaining([null, 'Decision maker']) }),
    ]);
    const bundle = found[0] as { labels: unknown[]; type_ids: number[] };
    expect(bundle.labels).toHaveLength(bundle.type_ids.length);
    expect(bundle.labels[bundle.type_ids.indexOf(279)]).toBeNull();

    const oneLabel = await make.action('removeAssociation', { ...pair, label: 'Decision maker' });
    expect(oneLabel.removed).toBe('Decision maker');
    expect(typesBetween('0-1', c, '0-2', co)).toEqual([279]);
    const all = await make.action('removeAssociation', pair);
    expect(all.removed).toBe('all');
    expect(typesBetween('0-1', c, '0-2', co)).toEqual([]);
    expect((await make.run('findAssociations', pair)).outputs).toEqual([]);
  });

  it('findAssociations reads every page of 500', async () => {
    const c = await record('Contact', { email: 'many@example.com' });
    const inputs = Array.from({ length: 501 }, (_, i) => ({ properties: { name: `Many ${i}` } }));
    const ids: string[] = [];
    for (let i = 0; i < inputs.length; i += 100) {
      const res = await t.call('POST', '/crm/v3/objects/companies/batch/create', {
        inputs: inputs.slice(i, i + 100),
      });
      ids.push(...((await res.json()) as { results: Array<{ id: string }> }).results.map((r) => r.id));
    }
    for (let i = 0; i < ids.length; i += 100) {
      await t.call('POST', '/crm/v4/associations/contacts/companies/batch/associate/default', {
        inputs: ids.slice(i, i + 100).map((id) => ({ from: { id: c }, to: { id } })),
      });
    }
    make.requests = [];
    const { outputs } = await make.run('findAssociations', {
      from_object_type: 'contacts',
      from_id: c,
      to_object_type: 'companies',
    });
    expect(outputs).toHaveLength(501);
    expect(make.requests).toHaveLength(2);
  });

  const newList = (name: string, processingType?: string, objectTypeId?: string) =>
    sandboxList(t.sandbox, name, processingType, objectTypeId);

  it('adds to and removes from a static list by id and e-mail; bad values and active lists change nothing', async () => {
    const list = newList('Make customers');
    const a = await record('Contact', { email: 'make-list-a@example.com' });
    const b = await record('Contact', { email: 'make-list-b@example.com' });
    const added = await make.action('addToList', {
      list_id: list.listId,
      record_ids: [a, 'make-list-b@example.com'],
    });
    expect((added.added as string[]).sort()).toEqual([a, b].sort());
    expect([...list.members.keys()].sort()).toEqual([a, b].sort());

    for (const record_ids of [[a, 'nobody@example.com'], ['99999999']]) {
      const error = await makeErrorOf(make.action('removeFromList', { list_id: list.listId, record_ids }));
      expect(error).toEqual({
        type: 'DataError',
        message: expect.stringMatching(/^Records: 1 of the values/),
      });
      expect(list.members.size).toBe(2);
    }
    const active = newList('Make active', 'DYNAMIC');
    expect(await makeErrorOf(make.action('addToList', { list_id: active.listId, record_ids: [a] }))).toEqual({
      type: 'DataError',
      message: expect.stringMatching(/active list/),
    });
    const removed = await make.action('removeFromList', { list_id: list.listId, record_ids: [a] });
    expect(removed.removed).toEqual([a]);
    expect([...list.members.keys()]).toEqual([b]);

    const companies = newList('Make accounts', 'MANUAL', '0-2');
    const co = await record('Company', { name: 'Listed Co' });
    await make.action('addToList', { list_id: companies.listId, record_ids: [co] });
    expect([...companies.members.keys()]).toEqual([co]);
    expect(
      (
        await makeErrorOf(
          make.action('addToList', { list_id: companies.listId, record_ids: ['x@example.com'] }),
        )
      ).type,
    ).toBe('DataError');
  });

  it('findList finds by id, then by exact name for the chosen type, among many lists, in one request each', async () => {
    for (let i = 0; i < 600; i++) newList(`Filler ${i}`);
    const target = newList('Webinar Attendees');
    newList('Webinar Attendees', 'MANUAL', '0-2');
    make.requests = [];
    const byName = (await make.run('findList', { name_or_id: 'webinar attendees' })).outputs as Json[];
    expect(byName).toEqual([expect.objectContaining({ id: target.listId, objectTypeId: '0-1' })]);
    expect(make.requests).toHaveLength(1);
    const companies = (
      await make.run('findList', { name_or_id: 'Webinar Attendees', object_type: 'companies' })
    ).outputs as Json[];
    expect(companies).toEqual([expect.objectContaining({ objectTypeId: '0-2' })]);
    make.requests = [];
    const byId = (await make.run('findList', { name_or_id: ` ${target.listId}` })).outputs as Json[];
    expect(byId).toEqual([expect.objectContaining({ id: target.listId, name: 'Webinar Attendees' })]);
    expect(make.requests).toHaveLength(1);
    // A name made of digits: no list has it as an id, so it is searched as a name.
    const numbered = newList('2026');
    expect((await make.run('findList', { name_or_id: '2026' })).outputs).toEqual([
      expect.objectContaining({ id: numbered.listId }),
    ]);
    expect((await make.run('findList', { name_or_id: 'No such list' })).outputs).toEqual([]);
  });

  it('findOwner by e-mail (one call) and by id', async () => {
    const byEmail = await make.run('findOwner', { email_or_id: 'Alice.Martin@example.com' });
    expect(byEmail.outputs.map((o) => (o as Json).id)).toEqual(['70000002']);
    expect(make.requests[0]!.url).toContain('email=');
    const byId = await make.run('findOwner', { email_or_id: '70000003' });
    expect(byId.outputs).toEqual([expect.objectContaining({ email: 'bruno.costa@example.com' })]);
    expect((await make.run('findOwner', { email_or_id: '123' })).outputs).toEqual([]);
  });

  it('submits a form (portal id first, then the forms host); a refused field is a DataError', async () => {
    const [, newsletter] = portal().forms.all();
    const before = portal().forms.submissionsOf(newsletter!.id).length;
    const forms = await make.rpc('listForms');
    expect(forms.map((f) => f.value)).toContain(newsletter!.id);
    const submitted = await make.action('submitForm', {
      form_id: newsletter!.id,
      fields: '{"email": "make-news@example.com", "firstname": "Say \\"hi\\""}',
      page_uri: 'https://www.example.com/news',
    });
    expect(submitted.inlineMessage).toMatch(/Thanks/);
    const stored = portal().forms.submissionsOf(newsletter!.id);
    expect(stored).toHaveLength(before + 1);
    const contact = [...portal().records.table('0-1').values()].find(
      (r) => r.properties.email === 'make-news@example.com',
    );
    expect(contact?.properties.firstname).toBe('Say "hi"');
    const refused = await makeErrorOf(
      make.action('submitForm', { form_id: newsletter!.id, fields: '{"firstname": "No e-mail"}' }),
    );
    expect(refused).toEqual({ type: 'DataError', message: expect.stringMatching(/email/) });
  });

  it("takes a Make file (buffer and file name, Make's file:data and file:name) and uploads its bytes under its name", async () => {
    // https://developers.make.com/custom-apps-documentation/block-elements/parameters/buffer
    const params = make.module('uploadFile').mappableParams as Json[];
    expect(params.find((p) => p.name === 'file')).toMatchObject({ type: 'buffer', semantic: 'file:data' });
    expect(params.find((p) => p.name === 'file_name')).toMatchObject({
      type: 'filename',
      semantic: 'file:name',
    });
    const bytes = Buffer.from('name,amount\nAcme,12\n');
    const uploaded = await make.action('uploadFile', { file: bytes, file_name: 'q3-report.csv' });
    const stored = portal().files.get(String(uploaded.id))!;
    expect(stored).toMatchObject({ name: 'q3-report', extension: 'csv' });
    expect(stored.fileMd5).toBe(createHash('md5').update(bytes).digest('hex'));
    const upload = make.requests.find((r) => r.url.endsWith('/files/v3/files'))!;
    expect(JSON.stringify(upload.body)).toContain('q3-report.csv');
  });

  it('uploads a Make file as multipart and attaches it to a record in a note; a wrong record writes nothing', async () => {
    const bytes = Buffer.from('%PDF-1.4 a small proposal');
    const id = await record('Contact', { email: 'make-files@example.com' });
    const plain = await make.action('uploadFile', { file: bytes, file_name: 'plain.pdf' });
    expect(plain).toEqual(expect.objectContaining({ name: 'plain', extension: 'pdf' }));
    expect(plain.note_id).toBeUndefined();
    const attached = await make.action('uploadFile', {
      file: bytes,
      file_name: 'proposal.pdf',
      folder_path: '/deals',
      attach_to_type: 'contacts',
      attach_to_id: id,
      note_body: 'Signed proposal',
    });
    expect(portal().files.get(String(attached.id))!.fileMd5).toBe(
      createHash('md5').update(bytes).digest('hex'),
    );
    const note = portal().records.get('0-46', String(attached.note_id))!;
    expect(note.properties).toMatchObject({
      hs_attachment_ids: String(attached.id),
      hs_note_body: 'Signed proposal',
    });
    expect(typesBetween('0-46', String(attached.note_id), '0-1', id)).toHaveLength(1);
    const files = portal().files.toJSON().files.length;
    const wrong = await makeErrorOf(
      make.action('uploadFile', { file: bytes, attach_to_type: 'contacts', attach_to_id: '99999999' }),
    );
    expect(wrong.type).toBe('DataError');
    expect(portal().files.toJSON().files.length).toBe(files);
  });
});
