import { findStandardObjectType } from '../../../hubspot/objectTypes';
import { updateRecord } from '../../../sandbox/objects/write';
import { sandboxList } from '../../support/make';
import type { TestSandbox } from '../../support/sandbox';
import type { Target } from './faults';
import type { Cell } from './recorder';
import { unique } from './servers';
import { putRecord, TYPE_ID } from './world';

/**
 * The Zapier polling triggers of the matrix. Each names the request the fault hits first (the search, or what stands
 * for it) and the follow-up read a poll makes after it (associations, property history, the list members' records,
 * a later form, the pipelines), how to make changes for it, and how an emitted item names the change it reports:
 * "lost" is a change never emitted by the faulted poll nor the clean polls after it.
 */

export type Item = Record<string, unknown>;

export interface TriggerSpec {
  key: string;
  /** Changes made before the Zap's first poll (records whose later change the trigger watches). */
  setup(t: TestSandbox): Promise<Setup> | Setup;
  /** Makes the changes the next poll must emit; answers the keys of the expected items. */
  produce(t: TestSandbox, s: Setup): string[];
  /** The key of the change an emitted item reports (compared with `produce`'s keys). */
  changeOf(item: Item): string;
  search(s: Setup): Target;
  followUp(s: Setup): Target;
}

export interface Setup {
  input: Record<string, unknown>;
  ids?: string[];
  listId?: string;
  forms?: string[];
}

const type = (name: string) => findStandardObjectType(name)!;
const update = (t: TestSandbox, name: string, id: string, properties: Record<string, string>) =>
  updateRecord(t.sandbox.portal, type(name), id, { properties });
const times = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
const search = (objectType: string): Target => ({
  method: 'POST',
  path: `/crm/v3/objects/${objectType}/search`,
});
const associations = (from: string, to: string): Target => ({
  method: 'POST',
  path: `/crm/v4/associations/${from}/${to}/batch/read`,
});
const batchRead = (objectType: string): Target => ({
  method: 'POST',
  path: `/crm/v3/objects/${objectType}/batch/read`,
});
const byId = (item: Item) => String(item.id);
const byRecord = (item: Item) => String(item.record_id);

/** Triggers whose requests differ from each other's: they run side by side in one fault's describe block. */
export const TRIGGER_GROUPS: TriggerSpec[][] = [
  [
    {
      key: 'new_contact',
      setup: () => ({ input: { include_associations: ['companies'] } }),
      produce: (t) => times(3, () => putRecord(t, 'contacts', { email: `${unique('nc')}@example.com` }).id),
      changeOf: byId,
      search: () => search('contacts'),
      followUp: () => associations('contacts', 'companies'),
    },
    {
      key: 'deal_stage_changed',
      setup: (t) => ({
        input: {},
        ids: times(
          3,
          () =>
            putRecord(t, 'deals', {
              dealname: unique('stage'),
              pipeline: 'default',
              dealstage: 'appointmentscheduled',
            }).id,
        ),
      }),
      produce: (t, s) => s.ids!.map((id) => update(t, 'deals', id, { dealstage: 'qualifiedtobuy' }).id),
      changeOf: byRecord,
      search: () => search('deals'),
      // Read after the stage history, to label stages: the last request of a poll.
      followUp: () => ({ method: 'GET', path: '/crm/v3/pipelines/deals' }),
    },
    {
      key: 'new_engagement',
      setup: () => ({ input: { engagement_type: 'notes', include_associations: ['contacts'] } }),
      produce: (t) =>
        times(
          3,
          () =>
            putRecord(t, 'notes', { hs_note_body: unique('note'), hs_timestamp: '2026-01-05T09:00:00.000Z' })
              .id,
        ),
      changeOf: byId,
      search: () => search('notes'),
      followUp: () => associations('notes', 'contacts'),
    },
    {
      key: 'new_object',
      setup: () => ({ input: { object_type: 'companies', include_associations: ['contacts'] } }),
      produce: (t) => times(3, () => putRecord(t, 'companies', { name: unique('co') }).id),
      changeOf: byId,
      search: () => search('companies'),
      followUp: () => associations('companies', 'contacts'),
    },
    {
      key: 'new_list_member',
      setup: (t) => {
        const list = sandboxList(t.sandbox, unique('list'));
        return { input: { list_id: list.listId }, listId: list.listId };
      },
      produce: (t, s) => {
        const list = t.sandbox.portal.lists.get(s.listId!)!;
        return times(3, () => {
          const id = putRecord(t, 'contacts', { email: `${unique('lm')}@example.com` }).id;
          list.members.set(id, t.sandbox.portal.now());
          return id;
        });
      },
      changeOf: byRecord,
      // The members page stands for the search; the members' records are read after it.
      search: (s) => ({ method: 'GET', path: `/crm/v3/lists/${s.listId}/memberships/join-order` }),
      followUp: () => batchRead('contacts'),
    },
    {
      key: 'new_form_submission',
      setup: (t) => {
        const forms = t.sandbox.portal.forms
          .all()
          .map((f) => f.id)
          .sort()
          .slice(0, 2);
        return { input: { form_ids: forms }, forms };
      },
      produce: (t, s) =>
        s.forms!.flatMap((formId) =>
          times(2, () => {
            const conversionId = unique('conv');
            t.sandbox.portal.forms.addSubmission(formId, {
              conversionId,
              submittedAt: t.sandbox.portal.now(),
              values: [
                { name: 'email', value: `${conversionId}@example.com`, objectTypeId: TYPE_ID.contacts },
              ],
            });
            return conversionId;
          }),
        ),
      changeOf: byId,
      // Forms are read in id order: the first form's read, then the later form's read.
      search: (s) => ({ method: 'GET', path: `/form-integrations/v1/submissions/forms/${s.forms![0]}` }),
      followUp: (s) => ({ method: 'GET', path: `/form-integrations/v1/submissions/forms/${s.forms![1]}` }),
    },
  ],
  [
    {
      key: 'new_or_updated_contact',
      setup: (t) => ({
        input: { include_associations: ['companies'] },
        ids: times(3, () => putRecord(t, 'contacts', { email: `${unique('nu')}@example.com` }).id),
      }),
      produce: (t, s) => s.ids!.map((id) => update(t, 'contacts', id, { jobtitle: unique('job') }).id),
      changeOf: byRecord,
      search: () => search('contacts'),
      followUp: () => associations('contacts', 'companies'),
    },
    {
      key: 'object_property_change',
      setup: (t) => ({
        input: { object_type: 'products', property: 'price' },
        ids: times(3, () => putRecord(t, 'products', { name: unique('prod'), price: '10' }).id),
      }),
      produce: (t, s) => s.ids!.map((id) => update(t, 'products', id, { price: '12' }).id),
      changeOf: byRecord,
      search: () => search('products'),
      followUp: () => batchRead('products'),
    },
    {
      key: 'new_or_updated_object',
      setup: () => ({ input: { object_type: 'tickets', include_associations: ['contacts'] } }),
      produce: (t) =>
        times(
          3,
          () =>
            putRecord(t, 'tickets', { subject: unique('tk'), hs_pipeline: '0', hs_pipeline_stage: '1' }).id,
        ),
      changeOf: byRecord,
      search: () => search('tickets'),
      followUp: () => associations('tickets', 'contacts'),
    },
  ],
  [
    {
      key: 'contact_property_change',
      setup: (t) => ({
        input: { property: 'lifecyclestage' },
        ids: times(
          3,
          () => putRecord(t, 'contacts', { email: `${unique('pc')}@example.com`, lifecyclestage: 'lead' }).id,
        ),
      }),
      produce: (t, s) => s.ids!.map((id) => update(t, 'contacts', id, { lifecyclestage: 'customer' }).id),
      changeOf: byRecord,
      search: () => search('contacts'),
      followUp: () => batchRead('contacts'),
    },
  ],
];

/**
 * `polls[0]` is the Zap's first poll: Zapier only records its items as seen (dedupe population), so it neither
 * emits the changes made after it nor counts as a second emission of what it shows. Lost: an expected change no later
 * poll emitted; duplicated: an item id emitted by two later polls.
 */
export function lossAndDuplicates(
  changeOf: (item: Item) => string,
  expected: string[],
  polls: Item[][],
): { lost: number; duplicated: number } {
  const later = polls.slice(1);
  const emitted = new Set(later.flat().map((i) => changeOf(i)));
  const pollsOf = new Map<string, number>();
  for (const items of later)
    for (const id of new Set(items.map((i) => String(i.id)))) pollsOf.set(id, (pollsOf.get(id) ?? 0) + 1);
  return {
    lost: expected.filter((k) => !emitted.has(k)).length,
    duplicated: [...pollsOf.values()].filter((n) => n > 1).length,
  };
}

export function countLossAndDuplicates(
  c: Cell,
  changeOf: (item: Item) => string,
  expected: string[],
  polls: Item[][],
): void {
  const { lost, duplicated } = lossAndDuplicates(changeOf, expected, polls);
  c.lost += lost;
  c.duplicated += duplicated;
}
