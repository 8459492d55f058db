import type { ObjectTypeDef } from '../../hubspot/objectTypes';
import { paths } from '../../hubspot/paths';
import { recordOutput } from '../records';
import { type HubSpotRecord, searchRecords } from '../search';
import type { OperationContext, OperationResult } from '../types';

/**
 * Where the platform's shared store gives no claim (`claimedCreate.ts`: no store, the store failing, the claiming run
 * failed or slow), the create half of a find-or-create that matches on a property HubSpot does NOT keep unique (a
 * company's domain: https://developers.hubspot.com/docs/api/crm/companies). Nothing in HubSpot refuses a second company with the same
 * domain, and the find step uses CRM search, which shows a write only "after a few moments"
 * (https://developers.hubspot.com/docs/api/crm/search); so overlapping runs, or runs seconds apart, each find nothing
 * and each create a company. No read by domain sees a write at once (domain cannot be an `idProperty`).
 *
 * So each run resolves after its create, and all runs resolve the same way: the company with the value created first
 * (oldest `createdAt`, then lowest id) is kept; a run whose own company is not that one archives its own (restorable
 * for 90 days) and returns the first one, marked `existing`. A run decides once search shows either its own company
 * or an older one with the value. Why that converges: search shows writes in the order they were made, so when a
 * run's company (or any company) is visible, every company with the value created before it is visible too; every
 * run therefore sees the first company before it decides, and only the first company's own run keeps its company.
 * 5 overlapping runs end with 1 company, all 5 returning it; a run blind to one made a second earlier returns that.
 *
 * Limits, honestly: it relies on the search index showing writes in order (HubSpot does not promise it; a record
 * indexed out of order could leave two companies), and it waits at most `MAX_WAIT_MS` for search to show ours
 * (beyond that the run keeps its company and logs it, and a duplicate may remain). A run stopped between its create
 * and its decision (Zapier's step time limit) leaves its company. Values are compared as search's `EQ` does
 * (ignoring case). The kept company is returned as found, not updated with this run's values.
 */

/** Search usually shows a write within seconds; a Zapier step has about 30 s in all. */
const MAX_WAIT_MS = 20_000;
const FIRST_WAIT_MS = 250;
const MAX_STEP_MS = 2_000;
/** Companies sharing one value, oldest first; the first one is what matters. */
const PAGE = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Creation order: `createdAt`, then the lower id (ids are digit strings, compared as numbers). */
export function createdBefore(a: HubSpotRecord, b: HubSpotRecord): boolean {
  const at = Date.parse(a.createdAt);
  const bt = Date.parse(b.createdAt);
  if (at !== bt) return at < bt;
  return a.id.length !== b.id.length ? a.id.length < b.id.length : a.id < b.id;
}

export async function keepOldest(
  ctx: OperationContext,
  type: ObjectTypeDef,
  ours: HubSpotRecord,
  match: { name: string; value: string },
): Promise<OperationResult> {
  const giveUpAt = ctx.now() + MAX_WAIT_MS;
  for (let wait = FIRST_WAIT_MS; ; wait = Math.min(wait * 2, MAX_STEP_MS)) {
    const page = await searchRecords(ctx.api, type.name, {
      filterGroups: [{ filters: [{ propertyName: match.name, operator: 'EQ', value: match.value }] }],
      sorts: [{ propertyName: type.createdProperty, direction: 'ASCENDING' }],
      properties: [...type.defaultProperties, match.name],
      limit: PAGE,
    });
    const first = page.results.reduce<HubSpotRecord | undefined>(
      (oldest, r) => (!oldest || createdBefore(r, oldest) ? r : oldest),
      undefined,
    );
    if (first?.id === ours.id) return recordOutput(ours);
    if (first && createdBefore(first, ours)) {
      await ctx.api.request({
        method: 'DELETE',
        path: paths.objects.one(type.name, ours.id),
        idempotent: true,
      });
      ctx.log('find-or-create: another record with this value came first; archived ours', {
        kept: first.id,
        archived: ours.id,
      });
      return recordOutput(first, { existing: true });
    }
    if (ctx.now() + wait > giveUpAt) {
      ctx.log('find-or-create: search did not show the new record in time; kept it unchecked', {
        id: ours.id,
      });
      return recordOutput(ours);
    }
    await sleep(wait);
  }
}
