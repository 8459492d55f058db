import { findStandardObjectType } from '../../hubspot/objectTypes';
import type { FaultRule } from '../../sandbox/faults';
import { createRecord, updateRecord } from '../../sandbox/objects/write';
import { usePollingSandbox } from '../support/polling';

const contacts = findStandardObjectType('contacts')!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const DAILY_LIMIT = {
  status: 429,
  body: {
    status: 'error',
    message: 'You have reached your daily limit.',
    errorType: 'RATE_LIMIT',
    category: 'RATE_LIMITS',
    policyName: 'DAILY',
  },
};
const EXPIRED_TOKEN = {
  status: 401,
  body: {
    status: 'error',
    message: 'The OAuth token used to make this call expired 1 minute(s) ago.',
    category: 'EXPIRED_AUTHENTICATION',
  },
};

/**
 * A poll that fails after its first search must leave the Zap's state as it was: the records the failed poll had
 * found were never handed to Zapier, so the next poll must find them again. Each case fails a follow-up read of one
 * trigger (associations, property history, a list member's record, a later form) and checks nothing is lost.
 */
describe('Zapier triggers: a failed poll moves no watermark', () => {
  const { sandbox, portal, poll } = usePollingSandbox();
  beforeEach(() => {
    sandbox().sandbox.faults.reset();
    portal().limits.reset();
  });

  /** Polls once with `fault` in place (it must fail), then until idle; returns the ids emitted after the failure. */
  async function afterFailedPoll(
    fault: FaultRule,
    key: string,
    zap: string,
    inputData: Record<string, unknown>,
    idOf: (item: Record<string, unknown>) => string,
  ): Promise<string[]> {
    sandbox().sandbox.faults.add(fault);
    await expect(poll(key, zap, inputData)).rejects.toThrow();
    expect(sandbox().sandbox.faults.pending()).toBe(0);
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      const items = await poll(key, zap, inputData);
      if (items.length === 0) return seen;
      seen.push(...items.map(idOf));
    }
    throw new Error(`${key} never went idle`);
  }

  const newContacts = async (prefix: string, n: number) => {
    await sleep(5);
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      ids.push(createRecord(portal(), contacts, { properties: { email: `${prefix}${i}@example.com` } }).id);
    }
    await sleep(5);
    return ids;
  };

  it.each([
    ['new_contact', DAILY_LIMIT],
    ['new_or_updated_contact', EXPIRED_TOKEN],
  ])('%s: the association read fails (%#), the next poll emits every record', async (key, answer) => {
    const zap = `zap-assoc-${key}`;
    const input = { include_associations: ['companies'] };
    await poll(key, zap, input);
    const ids = await newContacts(`assoc-${key}-`, 3);
    const seen = await afterFailedPoll(
      { pathPattern: '^/crm/v4/associations/contacts/companies/batch/read', ...answer },
      key,
      zap,
      input,
      (item) => String(item.record_id ?? item.id),
    );
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it('contact_property_change: the history read fails, the next poll emits every change', async () => {
    const zap = 'zap-history';
    const input = { property: 'lifecyclestage' };
    const record = createRecord(portal(), contacts, {
      properties: { email: 'history@example.com', lifecyclestage: 'lead' },
    });
    await sleep(5);
    await poll('contact_property_change', zap, input);
    await sleep(5);
    updateRecord(portal(), contacts, record.id, { properties: { lifecyclestage: 'customer' } });
    await sleep(5);
    const seen = await afterFailedPoll(
      { method: 'POST', path: '/crm/v3/objects/contacts/batch/read', ...DAILY_LIMIT },
      'contact_property_change',
      zap,
      input,
      (item) => `${item.record_id}:${item.value}`,
    );
    expect(seen).toEqual([`${record.id}:customer`]);
  });

  it('new_list_member: the members’ record read fails, the next poll emits every member', async () => {
    const now = portal().now();
    const list = portal().lists.create({
      name: 'Faulted list',
      objectTypeId: '0-1',
      processingType: 'MANUAL',
      createdAt: now,
      updatedAt: now,
      createdById: '1',
    });
    const input = { list_id: list.listId };
    await poll('new_list_member', 'zap-members', input);
    const ids = await newContacts('member-', 3);
    for (const id of ids) list.members.set(id, portal().now());
    const seen = await afterFailedPoll(
      { method: 'POST', path: '/crm/v3/objects/contacts/batch/read', ...DAILY_LIMIT },
      'new_list_member',
      'zap-members',
      input,
      (item) => String(item.record_id),
    );
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it('new_form_submission: a later form’s read fails, the next poll still emits the earlier form’s submissions', async () => {
    const [first, second] = [...portal().forms.all()].sort((a, b) => a.id.localeCompare(b.id));
    const input = { form_ids: [first!.id, second!.id] };
    await poll('new_form_submission', 'zap-forms', input);
    for (const form of [first!, second!]) {
      portal().forms.addSubmission(form.id, {
        conversionId: `fault-${form.id}`,
        submittedAt: portal().now(),
        values: [{ name: 'email', value: `f-${form.id}@example.com`, objectTypeId: '0-1' }],
      });
    }
    const seen = await afterFailedPoll(
      { method: 'GET', path: `/form-integrations/v1/submissions/forms/${second!.id}`, ...DAILY_LIMIT },
      'new_form_submission',
      'zap-forms',
      input,
      (item) => String(item.id),
    );
    expect(seen.sort()).toEqual([`fault-${first!.id}`, `fault-${second!.id}`].sort());
  });
});
