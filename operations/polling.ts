import { SEARCH } from '../hubspot/limits';
import { type HubSpotRecord, type SearchFilter, searchRecords } from './search';
import { parseHubSpotTime } from './time';
import type { OperationContext } from './types';

/**
 * Lossless polling over CRM search.
 *
 * Each poll reads a *closed* window of modification (or creation) times: from the watermark to now minus a margin
 * for HubSpot's search-index lag (a write becomes searchable only after a few seconds:
 * https://developers.hubspot.com/docs/api/crm/search). Inside the window records are read in `hs_object_id` order,
 * keyed on the last id seen, so ties on the timestamp cannot drop or repeat a record, and no request ever pages with
 * an offset — the 10,000-result cap of search never applies. When a poll reaches its cap before the window is done,
 * the window and the last id are stored, and the next poll resumes exactly there. A poll with nothing new costs one
 * search call. The new watermark is staged: it is saved only once the whole poll, follow-up reads included, has
 * succeeded (`stagedState.ts`).
 */

export interface PollSpec {
  objectType: string;
  /** `lastmodifieddate`/`hs_lastmodifieddate` for changes, `createdate`/`hs_createdate` for new records. */
  timeProperty: string;
  properties: readonly string[];
  /** Extra AND filters (pipeline, stage). */
  filters?: readonly SearchFilter[];
  /** Distinguishes watermarks of differently filtered triggers of one Zap. */
  stateKey: string;
  maxRecordsPerPoll?: number;
  lagMarginMs?: number;
  /**
   * Also read records whose last modification is after the window's end. A trigger that looks inside a record's
   * history (property changes) needs them: a record changed inside the window and modified again before the poll
   * no longer has its last modification in the window, yet its history holds a change that belongs to it.
   */
  includeModifiedAfterWindow?: boolean;
}

/** Where the next poll starts. `lastId` is set while a window is only partly read. */
export interface Watermark {
  from: number;
  to?: number;
  lastId?: string;
}

export interface PollResult {
  records: HubSpotRecord[];
  /** The window this poll read; used by history reads (property-change triggers). */
  window: { from: number; to: number };
  /**
   * Emit only the records up to this id (in id order) and leave the rest of the window for the next poll: for
   * triggers that turn one record into several items (property changes) and must stay within the item cap.
   */
  resumeAfter(recordId: string): Promise<void>;
}

/**
 * Zapier holds a Zap's runs for review when one poll returns more than 100 new items ("polling default 100 new items
 * per poll": https://docs.zapier.com/platform/build/operating-constraints), so a larger backlog goes out 100 at a
 * time over the next polls.
 */
export const MAX_ITEMS_PER_POLL = 100;
export const DEFAULT_MAX_RECORDS_PER_POLL = MAX_ITEMS_PER_POLL;
/** HubSpot documents "a few moments"; integrators see up to ~30 s. Overridable for tests and the sandbox. */
export const DEFAULT_LAG_MARGIN_MS = 60_000;

export function lagMarginMs(spec: PollSpec): number {
  if (spec.lagMarginMs !== undefined) return spec.lagMarginMs;
  const fromEnv = Number(process.env.HUBSPOT_POLL_LAG_MARGIN_MS);
  return Number.isFinite(fromEnv) && process.env.HUBSPOT_POLL_LAG_MARGIN_MS !== undefined
    ? fromEnv
    : DEFAULT_LAG_MARGIN_MS;
}

export async function pollRecords(ctx: OperationContext, spec: PollSpec): Promise<PollResult> {
  const key = `watermark:${spec.stateKey}`;
  const windowEnd = ctx.now() - lagMarginMs(spec);
  const stored = ctx.isLoadingSample ? undefined : await ctx.state.get<Watermark>(key);

  if (!stored || ctx.isPopulatingDedupe) {
    // No watermark yet: show the latest records (the platform marks them as seen) and start from here.
    const latest = await latestRecords(ctx, spec, ctx.isLoadingSample ? 3 : MAX_ITEMS_PER_POLL);
    if (!ctx.isLoadingSample) await ctx.state.set<Watermark>(key, { from: windowEnd });
    return { records: latest, window: { from: windowEnd, to: windowEnd }, resumeAfter: async () => {} };
  }

  const window = { from: stored.from, to: stored.to ?? Math.max(stored.from, windowEnd) };
  const cap = spec.maxRecordsPerPoll ?? DEFAULT_MAX_RECORDS_PER_POLL;
  const records: HubSpotRecord[] = [];
  let lastId = stored.lastId;
  let complete = false;
  while (records.length < cap) {
    const page = await searchRecords(ctx.api, spec.objectType, {
      filterGroups: [{ filters: windowFilters(spec, window, lastId) }],
      sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
      properties: [...new Set([...spec.properties, spec.timeProperty, 'hs_object_id'])],
      limit: Math.min(SEARCH.maxLimit, cap - records.length),
    });
    records.push(...page.results);
    if (page.results.length > 0) lastId = page.results[page.results.length - 1]!.id;
    if (!page.paging?.next || page.results.length === 0) {
      complete = true;
      break;
    }
  }

  const next: Watermark = complete ? { from: window.to } : { from: window.from, to: window.to, lastId };
  await ctx.state.set<Watermark>(key, next);
  if (!complete) ctx.log('Poll reached its cap; the next poll continues the same window.', { ...next, cap });
  return {
    records: newestFirst(records, spec.timeProperty),
    window,
    resumeAfter: async (recordId) => {
      await ctx.state.set<Watermark>(key, { from: window.from, to: window.to, lastId: recordId });
    },
  };
}

function windowFilters(
  spec: PollSpec,
  window: { from: number; to: number },
  lastId?: string,
): SearchFilter[] {
  const filters: SearchFilter[] = [
    { propertyName: spec.timeProperty, operator: 'GT', value: String(window.from) },
    ...(spec.includeModifiedAfterWindow
      ? []
      : [{ propertyName: spec.timeProperty, operator: 'LTE' as const, value: String(window.to) }]),
    ...(spec.filters ?? []),
  ];
  if (lastId) filters.push({ propertyName: 'hs_object_id', operator: 'GT', value: lastId });
  return filters;
}

async function latestRecords(ctx: OperationContext, spec: PollSpec, limit: number): Promise<HubSpotRecord[]> {
  const page = await searchRecords(ctx.api, spec.objectType, {
    filterGroups: spec.filters?.length ? [{ filters: [...spec.filters] }] : undefined,
    sorts: [{ propertyName: spec.timeProperty, direction: 'DESCENDING' }],
    properties: [...new Set([...spec.properties, spec.timeProperty, 'hs_object_id'])],
    limit,
  });
  return page.results;
}

/** Platforms expect the newest item first. */
function newestFirst(records: HubSpotRecord[], timeProperty: string): HubSpotRecord[] {
  const time = (r: HubSpotRecord) => parseHubSpotTime(r.properties[timeProperty] ?? r.updatedAt) || 0;
  return [...records].sort((a, b) => time(b) - time(a) || Number(b.id) - Number(a.id));
}
