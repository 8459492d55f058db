import { BATCH } from '../../hubspot/limits';
import { findStandardObjectType } from '../../hubspot/objectTypes';
import { paths } from '../../hubspot/paths';
import { DEDUPE_KEY, dedupeKeyField } from '../dedupe';
import { customObjectType } from '../objectTypeRef';
import { MAX_ITEMS_PER_POLL } from '../polling';
import { recordOutput } from '../records';
import {
  checkPropertiesToRetrieve,
  propertiesToRetrieveField,
  retrievedProperties,
} from '../retrievedProperties';
import type { HubSpotRecord } from '../search';
import type { OperationContext, OperationDef, OperationResult } from '../types';
import { type HubSpotList, listIdField, listObjectType, readList } from './common';

/**
 * Fires once per record added to a list, losing none. Members are read in join order
 * (`GET /crm/v3/lists/{listId}/memberships/join-order`), and the watermark is the last membershipTimestamp seen plus
 * the ids that joined at that same millisecond, so ties are neither dropped nor repeated. Each poll resumes from the
 * cursor of the last page it read (re-reading that page, filtered by the watermark), so a quiet poll costs two calls
 * (the list, one page) whatever the list's size.
 * https://developers.hubspot.com/docs/api/crm/lists#get-list-memberships
 */

/** HubSpot's largest membership page. */
const MEMBERSHIP_PAGE = 250;
const MAX_MEMBERS_PER_POLL = MAX_ITEMS_PER_POLL;

interface Member {
  recordId: string;
  membershipTimestamp: string;
}

interface MemberPage {
  results: Member[];
  paging?: { next?: { after: string } };
}

export interface ListWatermark {
  /** membershipTimestamp (ms) of the newest member emitted. */
  at: number;
  /** Ids that joined at exactly `at`. */
  idsAt: string[];
  /** The cursor that produced the last page read; undefined for the first page. */
  after?: string;
}

export const newListMember: OperationDef = {
  key: 'new_list_member',
  kind: 'trigger',
  noun: 'List Member',
  label: 'New List Member',
  description: 'Triggers when a record (such as a contact) is added to a list.',
  inputFields: [
    listIdField,
    {
      // Lists are mostly of contacts, and the list's type is known only once it is read: the dropdown offers contact
      // properties; another type's properties can be typed in by their internal names.
      ...propertiesToRetrieveField('contacts'),
      helpText:
        'Properties of the members to output besides the common ones (for a contact: name, e-mail, phone, owner...). ' +
        'The list offers contact properties; for a list of companies or deals, type the internal names.',
    },
  ],
  outputFields: [
    { key: 'id', label: 'Record ID', type: 'string' },
    { key: 'record_id', label: 'Member record ID', type: 'string' },
    { key: 'list_id', label: 'List ID', type: 'string' },
    { key: 'membership_timestamp', label: 'Added to list at', type: 'datetime' },
    { key: 'properties__email', label: 'Email' },
    dedupeKeyField('List ID, Record ID and Join Time'),
  ],
  outputProperties: 'contacts',
  sample: {
    id: '51',
    [DEDUPE_KEY]: '12-51-1767603600000',
    list_id: '12',
    record_id: '51',
    membership_timestamp: '2026-01-05T09:00:00.000Z',
    properties: { email: 'ada.lovelace@example.com', firstname: 'Ada', lastname: 'Lovelace' },
  },
  code: {
    reason:
      "Resumes from the paging cursor of the join-order listing kept in staged per-Zap state, reads the list first and the new members' records in a batch; neither the stored cursor nor the joined read is declared.",
  },
  calls: {
    endpoints: [
      `GET ${paths.lists.one('{listId}')}`,
      `GET ${paths.lists.membershipsByJoinOrder('{listId}')}`,
      `POST ${paths.objects.batch('{objectType}', 'read')}`,
    ],
    perRun:
      '2 when idle; for up to 100 new members a poll: the list, 1 or 2 pages and 1 record read (a larger backlog over the next polls)',
  },
  async perform(ctx) {
    const listId = String(ctx.input.list_id ?? '').trim();
    checkPropertiesToRetrieve(ctx.input);
    const list = await readList(ctx, listId);
    const key = `list:${listId}`;
    const stored = ctx.isLoadingSample ? undefined : await ctx.state.get<ListWatermark>(key);
    const { members, watermark } = await readNewMembers(ctx, listId, stored);
    if (!ctx.isLoadingSample) await ctx.state.set(key, watermark);
    // The first poll only sets the watermark; it shows the latest members so Zapier can mark them seen.
    const emitted = stored ? members : members.slice(-3);
    const records = await readRecords(
      ctx,
      list,
      emitted.map((m) => m.recordId),
    );
    return emitted
      .map((m) => memberOutput(listId, m, records.get(m.recordId)))
      .sort(
        (a, b) => Date.parse(String(b.membership_timestamp)) - Date.parse(String(a.membership_timestamp)),
      );
  },
};

async function readNewMembers(ctx: OperationContext, listId: string, stored?: ListWatermark) {
  const fresh: Member[] = [];
  let watermark: ListWatermark = stored ?? { at: 0, idsAt: [] };
  let after = stored?.after;
  for (;;) {
    const { data } = await ctx.api.request<MemberPage>({
      method: 'GET',
      path: paths.lists.membershipsByJoinOrder(listId),
      query: { limit: MEMBERSHIP_PAGE, after },
    });
    for (const m of data.results) {
      // The watermark covers exactly what was emitted, so stopping mid-page loses nothing: the next poll re-reads
      // this page from its cursor and skips what is at or below the watermark.
      if (stored && fresh.length >= MAX_MEMBERS_PER_POLL) break;
      const at = Date.parse(m.membershipTimestamp);
      if (at < watermark.at || (at === watermark.at && watermark.idsAt.includes(m.recordId))) continue;
      fresh.push(m);
      watermark = {
        at,
        idsAt: at === watermark.at ? [...watermark.idsAt, m.recordId] : [m.recordId],
        // State is stored as JSON: no undefined values.
        ...(after ? { after } : {}),
      };
    }
    const next = data.paging?.next?.after;
    // Stop at the last page, or at the cap: the watermark covers what was read, so the next poll goes on from there.
    // The first poll (no watermark) reads to the end, once, to start from the newest member.
    if (!next || (stored && fresh.length >= MAX_MEMBERS_PER_POLL)) break;
    after = next;
  }
  return { members: fresh, watermark };
}

/** The members' records, with the properties to retrieve in the same batch reads. */
async function readRecords(
  ctx: OperationContext,
  list: HubSpotList,
  ids: string[],
): Promise<Map<string, HubSpotRecord>> {
  const out = new Map<string, HubSpotRecord>();
  const objectType = listObjectType(list);
  const properties = retrievedProperties(
    ctx,
    findStandardObjectType(objectType) ?? customObjectType(objectType),
  );
  for (let i = 0; i < ids.length; i += BATCH.maxObjectInputs) {
    const { data } = await ctx.api.request<{ results: HubSpotRecord[] }>({
      method: 'POST',
      path: paths.objects.batch(objectType, 'read'),
      json: { inputs: ids.slice(i, i + BATCH.maxObjectInputs).map((id) => ({ id })), properties },
      idempotent: true,
    });
    for (const r of data.results) out.set(r.id, r);
  }
  return out;
}

function memberOutput(listId: string, m: Member, record?: HubSpotRecord): OperationResult {
  const at = Date.parse(m.membershipTimestamp);
  return {
    ...(record ? recordOutput(record) : {}),
    id: m.recordId,
    [DEDUPE_KEY]: `${listId}-${m.recordId}-${at}`,
    list_id: listId,
    record_id: m.recordId,
    membership_timestamp: new Date(at).toISOString(),
  };
}
