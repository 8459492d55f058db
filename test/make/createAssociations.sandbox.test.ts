import { findStandardObjectType } from '../../sandbox/facts/objectTypes';
import { createRecord } from '../../sandbox/objects/write';
import { MakeRunner } from '../support/make';
import { startTestSandbox, type TestSandbox } from '../support/sandbox';

/** Make create modules associating existing records with a chosen label, or HubSpot's default type, inline. */
describe('Make creates with inline associations and labels', () => {
  let t: TestSandbox;
  let make: MakeRunner;
  let labelTypeId: number;

  beforeAll(async () => {
    t = await startTestSandbox();
    make = new MakeRunner(t.url, { accessToken: t.token });
    const res = await t.call('POST', '/crm/v4/associations/tickets/contacts/labels', {
      label: 'Reporter',
      name: 'reporter',
    });
    const created = (await res.json()) as { results: Array<{ typeId: number; label: string }> };
    labelTypeId = created.results.find((r) => r.label === 'Reporter')!.typeId;
  });
  afterAll(() => t.close());

  const contact = (email: string) =>
    createRecord(t.sandbox.portal, findStandardObjectType('contacts')!, { properties: { email } }).id;
  const types = (ticket: string, contactId: string) =>
    [...(t.sandbox.portal.associations.typesBetween('0-5', ticket, '0-1', contactId)?.keys() ?? [])].sort();

  it('sends the chosen label for every id of the type, in the create request', async () => {
    const [a, b] = [contact('a@make-labels.example'), contact('b@make-labels.example')];
    make.requests = [];
    const ticket = await make.action('createTicket', {
      subject: 'Labelled',
      hs_pipeline: '0',
      hs_pipeline_stage: '1',
      contact_ids: [a, b],
      contact_association_label: `USER_DEFINED:${labelTypeId}`,
    });
    // One write: the associations travel in the create; the read after it is the stage labels' pipelines.
    expect(make.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
    expect(make.requests[1]!.url).toMatch(/\/crm\/v3\/pipelines\/tickets$/);
    expect(ticket).toMatchObject({ hs_pipeline_label: 'Support Pipeline', hs_pipeline_stage_label: 'New' });
    expect(types(String(ticket.id), a)).toEqual([16, labelTypeId].sort());
    expect(types(String(ticket.id), b)).toEqual([16, labelTypeId].sort());
  });

  it("uses HubSpot's default type when no label is chosen, and keeps a mapped value inside the JSON", async () => {
    const a = contact('c@make-labels.example');
    const plain = await make.action('createTicket', {
      subject: 'Plain',
      hs_pipeline: '0',
      hs_pipeline_stage: '1',
      contact_ids: [a],
    });
    expect(types(String(plain.id), a)).toEqual([16]);
    make.requests = [];
    await make
      .action('createTicket', {
        subject: 'Odd',
        hs_pipeline: '0',
        hs_pipeline_stage: '1',
        contact_ids: [a],
        contact_association_label: 'USER_DEFINED:1}],"x":"y',
      })
      .catch(() => undefined);
    const body = make.requests[0]?.body as { associations: Array<{ types: unknown[] }>; x?: unknown };
    expect(body.x).toBeUndefined();
    // Nothing of the value escapes its two fields; what is left (no id) is HubSpot's to refuse.
    expect(body.associations[0]!.types).toEqual([
      { associationCategory: 'USER_DEFINED', associationTypeId: 0 },
    ]);
  });
});
