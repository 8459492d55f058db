import { findStandardObjectType } from '../../hubspot/objectTypes';
import { createRecord } from '../../sandbox/objects/write';
import { useZapierSandbox } from '../support/crm';
import type { TestSandbox } from '../support/sandbox';
import { run } from '../support/zapier';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Notes, tasks, calls, meetings and e-mails: one call each, hs_timestamp coerced, associated on create. */
describe('Zapier engagement operations against the sandbox', () => {
  const sandbox = useZapierSandbox();
  let t: TestSandbox;
  let authData: Record<string, string>;
  let contactId: string;
  let companyId: string;
  let dealId: string;

  beforeAll(async () => {
    ({ t, authData } = sandbox);
    const portal = t.sandbox.portal;
    contactId = createRecord(portal, findStandardObjectType('contacts')!, {
      properties: { email: 'ada@example.com' },
    }).id;
    companyId = createRecord(portal, findStandardObjectType('companies')!, {
      properties: { name: 'Acme' },
    }).id;
    dealId = createRecord(portal, findStandardObjectType('deals')!, {
      properties: { dealname: 'Renewal', pipeline: 'default', dealstage: 'appointmentscheduled' },
    }).id;
  });

  const live = (typeId: string) =>
    [...t.sandbox.portal.records.table(typeId).values()].filter((r) => !r.archived).length;
  const associatedContacts = (fromTypeId: string, id: string) => [
    ...t.sandbox.portal.associations.targets(fromTypeId, id, '0-1').keys(),
  ];

  it.each([
    ['create_note', '0-46', { hs_note_body: 'Talked about the renewal.' }],
    ['create_task', '0-27', { hs_task_subject: 'Send the quote', hs_task_status: 'Not Started' }],
    ['create_call', '0-48', { hs_call_title: 'Discovery call' }],
    ['create_meeting', '0-47', { hs_meeting_title: 'Kick-off' }],
    ['create_email', '0-49', { hs_email_subject: 'Your quote' }],
  ])(
    '%s writes one record with the instant mapped as hs_timestamp and its associations, in one call',
    async (key, typeId, props) => {
      const created = (await run('creates', key, {
        authData,
        inputData: {
          hs_timestamp: '2026-01-05T10:30:00+01:00',
          contact_ids: [contactId],
          company_ids: `${companyId}`,
          deal_ids: [dealId],
          ...props,
        },
      })) as { id: string; associated_ids: Record<string, string[]> };
      const stored = t.sandbox.portal.records.get(typeId, created.id)!;
      // Sent as epoch ms; the sandbox, like HubSpot, reads it back as an ISO instant.
      expect(Date.parse(stored.properties.hs_timestamp!)).toBe(Date.parse('2026-01-05T09:30:00.000Z'));
      expect(associatedContacts(typeId, created.id)).toEqual([contactId]);
      expect([...t.sandbox.portal.associations.targets(typeId, created.id, '0-2').keys()]).toEqual([
        companyId,
      ]);
      expect([...t.sandbox.portal.associations.targets(typeId, created.id, '0-3').keys()]).toEqual([dealId]);
      expect(created.associated_ids.contacts).toEqual([contactId]);
      expect(t.sandbox.log.summary().byEndpoint['POST /crm/v3/objects/:objectType']).toBe(1);
    },
  );

  it('takes a timestamp in epoch milliseconds as mapped', async () => {
    const created = (await run('creates', 'create_note', {
      authData,
      inputData: { hs_timestamp: '1767605400000', hs_note_body: 'x' },
    })) as { id: string };
    expect(Date.parse(t.sandbox.portal.records.get('0-46', created.id)!.properties.hs_timestamp!)).toBe(
      1767605400000,
    );
  });

  it.each([
    ['create_note', { hs_note_body: 'no time' }, /Activity date \(hs_timestamp\): is required/],
    ['create_task', { hs_timestamp: 'next tuesday-ish', hs_task_subject: 'x' }, /hs_timestamp/],
    ['create_task', { hs_timestamp: '2026-01-05', hs_task_status: 'Half done' }, /hs_task_status/],
    [
      'create_call',
      { hs_timestamp: '2026-01-05', contact_ids: ['ada@example.com'] },
      /contact_ids.*not a HubSpot record ID/,
    ],
  ])('%s refuses bad input %j naming the field, writing nothing', async (key, inputData, message) => {
    const before = ['0-46', '0-27', '0-48'].map(live);
    await expect(run('creates', key, { authData, inputData })).rejects.toThrow(message);
    expect(['0-46', '0-27', '0-48'].map(live)).toEqual(before);
    expect(t.sandbox.log.summary().byEndpoint['POST /crm/v3/objects/:objectType']).toBeUndefined();
  });

  it('new_engagement fires for the chosen engagement type only, with associations on request', async () => {
    await run('triggers', 'new_engagement', {
      authData,
      inputData: { engagement_type: 'tasks', include_associations: ['contacts'] },
      meta: { zap: { id: 'zap-tasks' } },
    });
    await sleep(5);
    await run('creates', 'create_note', {
      authData,
      inputData: { hs_timestamp: '2026-01-05', hs_note_body: 'n' },
    });
    const task = (await run('creates', 'create_task', {
      authData,
      inputData: { hs_timestamp: '2026-01-06', hs_task_subject: 'Call back', contact_ids: [contactId] },
    })) as { id: string };
    await sleep(5);
    const items = (await run('triggers', 'new_engagement', {
      authData,
      inputData: { engagement_type: 'tasks', include_associations: ['contacts'] },
      meta: { zap: { id: 'zap-tasks' } },
    })) as Array<{ id: string; associated_ids: Record<string, string[]> }>;
    expect(items.map((i) => i.id)).toEqual([task.id]);
    expect(items[0]!.associated_ids.contacts).toEqual([contactId]);
    await expect(
      run('triggers', 'new_engagement', { authData, inputData: { engagement_type: 'contacts' } }),
    ).rejects.toThrow(/Engagement type \(engagement_type\).*not one of notes/);
  });
});
