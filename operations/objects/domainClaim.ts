import type { OperationContext, SharedStore } from '../types';

/**
 * Which run creates the company of a new domain, agreed through the platform's shared store instead of HubSpot. Used by
 * Sync Customer and by Find or Create Company's create (`operations/objects/claimedCreate.ts`): one entry per domain,
 * so the two steps agree with each other too.
 *
 * Why: HubSpot keeps no domain unique and CRM search shows a new company only "after a few moments"
 * (https://developers.hubspot.com/docs/api/crm/search), so runs that all miss the domain in search would each create
 * one. `keepOldest.ts` resolves that after the fact with one more search per run (and an archive for the losers); a
 * claim taken BEFORE creating costs no HubSpot call, which keeps Sync Customer within 4 calls on every path and Find or
 * Create Company at 2 (the find, then the create or a read of the recorded company).
 *
 * One entry per domain holds first the claim, then the answer: `{ creating }` while the winner creates, then
 * `{ company }` for `RECORD_TTL_SECONDS`. A separate lock and record would need a second look at the record after
 * taking the lock (a run could take the lock just after the winner released it); one entry set only when absent
 * (`setIfAbsent`) is the claim and the answer in one atomic fact, and is never released early: the next run finds
 * the answer in it.
 */

/** Longer than a whole Zapier step (30 s), so a claim cannot lapse while its winner still creates. */
export const CLAIM_TTL_SECONDS = 60;
/**
 * How long the new company's id stands in for search: keepOldest.ts waits up to 20 s for search to show a company;
 * 10 minutes covers a search index well behind that, and is short enough that a company archived or merged in the
 * meantime stops being handed out soon (a stale id is caught by the association's 404 in any case).
 */
export const RECORD_TTL_SECONDS = 600;
/** A run that lost the claim waits this long for the winner's answer: the winner's create, within a 30 s step. */
export const WAIT_MS = 15_000;
const FIRST_POLL_MS = 100;
const MAX_POLL_MS = 1_000;

/** What the winner records: enough for the other runs' output without reading the company. */
export interface RecordedCompany {
  id: string;
  domain: string;
  name: string | null;
}

type Entry = { creating: true } | { company: RecordedCompany } | { unsure: true };

export type Claim =
  /** This run creates the company, then calls `recordCompany` (or `abandonClaim` when the create fails). */
  | { kind: 'won' }
  /** Another run created it: associate with this one. */
  | { kind: 'known'; company: RecordedCompany }
  /** No agreement (store failed, winner failed or too slow): create and check as keepOldest.ts does. */
  | { kind: 'fallback'; reason: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Keys hold the normalized domain only; the platform prefixes the portal. Never a token. */
const keyOf = (domain: string) => `company-domain:${domain}`;

export async function claimDomain(ctx: OperationContext, store: SharedStore, domain: string): Promise<Claim> {
  const key = keyOf(domain);
  try {
    if (await store.setIfAbsent<Entry>(key, { creating: true }, CLAIM_TTL_SECONDS)) return { kind: 'won' };
    const giveUpAt = ctx.now() + WAIT_MS;
    for (let wait = FIRST_POLL_MS; ; wait = Math.min(wait * 2, MAX_POLL_MS)) {
      const entry = await store.get<Entry>(key);
      if (entry && 'company' in entry) return { kind: 'known', company: entry.company };
      if (!entry) return { kind: 'fallback', reason: 'the claim vanished before an answer' };
      if ('unsure' in entry) return { kind: 'fallback', reason: "the claiming run's create failed" };
      if (ctx.now() + wait > giveUpAt)
        return { kind: 'fallback', reason: 'the claiming run is still creating' };
      await sleep(wait);
    }
  } catch (error) {
    return { kind: 'fallback', reason: `the shared store failed (${errorName(error)})` };
  }
}

/** The winner's answer, for the runs waiting now and those whose search misses the company for a while. */
export async function recordCompany(
  ctx: OperationContext,
  store: SharedStore,
  company: RecordedCompany,
): Promise<void> {
  try {
    await store.set<Entry>(keyOf(company.domain), { company }, RECORD_TTL_SECONDS);
  } catch (error) {
    // Waiting runs then fall back to keepOldest.ts, which finds this (older) company and keeps it.
    ctx.log('domain claim: could not record the new company in the shared store', {
      error: errorName(error),
    });
  }
}

/**
 * The winner's create failed, perhaps after HubSpot wrote the company: the waiting runs take the checked way at once
 * (keepOldest.ts would find such a company and keep it). Kept for the claim's time, then a new claim may be taken.
 */
export async function abandonClaim(ctx: OperationContext, store: SharedStore, domain: string): Promise<void> {
  try {
    await store.set<Entry>(keyOf(domain), { unsure: true }, CLAIM_TTL_SECONDS);
  } catch (error) {
    ctx.log('domain claim: could not mark the failed claim', { error: errorName(error) });
  }
}

/** A recorded company HubSpot no longer has (archived or merged since): forgotten, so the next run may claim. */
export async function forgetCompany(
  ctx: OperationContext,
  store: SharedStore,
  domain: string,
): Promise<void> {
  try {
    await store.delete(keyOf(domain));
  } catch (error) {
    ctx.log('domain claim: could not forget a stale company', { error: errorName(error) });
  }
}

/**
 * A company created without a claim (a plain Create Company), recorded only when no entry holds the domain: a Find
 * or Create whose search misses it (index lag) then returns it, as keepOldest.ts's check did, instead of creating a
 * second one. An entry already there (a claim, an earlier company) is left alone: it came first.
 */
export async function noteCompany(
  ctx: OperationContext,
  store: SharedStore,
  company: RecordedCompany,
): Promise<void> {
  try {
    await store.setIfAbsent<Entry>(keyOf(company.domain), { company }, RECORD_TTL_SECONDS);
  } catch (error) {
    ctx.log('domain claim: could not note the new company in the shared store', { error: errorName(error) });
  }
}

/** The three ways a step makes a new domain's company; `createOncePerDomain` picks one. */
export interface DomainCreateWays<T> {
  /**
   * Creates the company (this run holds the claim). `company` is what the other runs get; absent when the create's
   * answer is not proven this run's (a recovered failure), and they then take the checked way. `result` finishes the
   * step once the company is recorded.
   */
  create(): Promise<{ company?: RecordedCompany; result: () => Promise<T> }>;
  /** The step's result from the company another run recorded, or undefined when it is gone (archived, merged, moved). */
  useRecorded(company: RecordedCompany): Promise<T | undefined>;
  /** Creates and checks after the fact (keepOldest.ts): the way that needs no store. */
  createChecked(): Promise<T>;
}

/**
 * One company per new domain, agreed before creating (Sync Customer, Find or Create Company): the run that claims the
 * domain creates and records the company; the others use the recorded one; without an agreement, or when the
 * recorded company is gone, the step creates and checks as keepOldest.ts does. `step` names the step in the logs.
 */
export async function createOncePerDomain<T>(
  ctx: OperationContext,
  domain: string,
  step: string,
  ways: DomainCreateWays<T>,
): Promise<T> {
  const store = ctx.shared;
  if (!store) return ways.createChecked();
  const claim = await claimDomain(ctx, store, domain);
  if (claim.kind === 'won') {
    let created: Awaited<ReturnType<DomainCreateWays<T>['create']>>;
    try {
      created = await ways.create();
    } catch (error) {
      await abandonClaim(ctx, store, domain);
      throw error;
    }
    if (created.company) await recordCompany(ctx, store, created.company);
    else await abandonClaim(ctx, store, domain);
    return created.result();
  }
  if (claim.kind === 'known') {
    const result = await ways.useRecorded(claim.company);
    if (result !== undefined) return result;
    ctx.log(`${step}: the recorded company is gone or moved; creating with the duplicate check`, {
      id: claim.company.id,
    });
    await forgetCompany(ctx, store, domain);
  } else {
    ctx.log(`${step}: no claim on the domain; creating with the duplicate check`, { reason: claim.reason });
  }
  return ways.createChecked();
}

/** The class of an error, never its message: a store's error could carry request details. */
function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
