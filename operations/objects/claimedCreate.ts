import type { HubSpotResponse } from '../../hubspot/client';
import { NotFoundError } from '../../hubspot/errors';
import type { ObjectTypeDef } from '../../hubspot/objectTypes';
import { paths } from '../../hubspot/paths';
import { recordOutput } from '../records';
import { retrievedProperties, withRetrievedProperties } from '../retrievedProperties';
import type { HubSpotRecord } from '../search';
import type { OperationContext, OperationResult } from '../types';
import { createOncePerDomain, noteCompany, type RecordedCompany } from './domainClaim';
import { keepOldest } from './keepOldest';

/**
 * The create of Find or Create Company, agreeing on a new domain through the platform's shared store
 * (`operations/objects/domainClaim.ts`, the claim Sync Customer takes) instead of checking HubSpot after the create:
 * - the run that claims the domain creates the company and records its id: find + create = 2 calls;
 * - the other runs (overlapping, or blind to that company while search lags) read the recorded company, with the
 *   chosen properties, and return it as `existing`: find + read = 2 calls;
 * - without a store (Make renders only the declared create), when it fails, when the claiming run failed or is slow,
 *   or when the recorded company is gone: create, then keepOldest.ts's check (find + create + at least 1 search,
 *   + 1 archive when another company came first), as before.
 * The keep-oldest check cost every run at least one search after its create, and each run that lost an archive.
 * What the claim does not see: a company with the domain made seconds earlier outside a claim and outside this app
 * on Zapier (the HubSpot UI, Make, an import), not yet shown by search; keepOldest.ts's check found it, a claiming
 * run keeps its own company and that one stays a duplicate. Zapier's plain Create Company notes its company
 * (`noteCompany`) so that one is seen.
 */

/** The create's answer, or what recovering a failed create found (not proven to be this run's record). */
export type Sent = { answer: HubSpotResponse<HubSpotRecord> } | { recovered: OperationResult };

export interface CreateSteps {
  /** Sends the create; recovers a failure when it can (see createRecord.ts), throws otherwise. */
  send(): Promise<Sent>;
  /** The step's output from what `send` gave. */
  finish(sent: Sent): Promise<OperationResult>;
}

/**
 * The claim's key: the value as CRM search's `EQ` matches it (ignoring case, https://developers.hubspot.com/docs/api/crm/search),
 * so runs the search would treat as one domain share one claim, and none that it would not. Sync Customer's
 * normalized domain (`customers/domain.ts`) is already in this form, so the two steps share entries.
 */
export const claimKey = (domain: string) => domain.trim().toLowerCase();

const recorded = (domain: string, company: HubSpotRecord): RecordedCompany => ({
  id: company.id,
  domain,
  name: company.properties?.name ?? null,
});

/** Find or Create Company's create: one company per new domain, agreed before creating. */
export function createOnce(
  ctx: OperationContext,
  type: ObjectTypeDef,
  match: { name: string; value: string },
  steps: CreateSteps,
): Promise<OperationResult> {
  const domain = claimKey(match.value);
  return createOncePerDomain(ctx, domain, 'find-or-create', {
    async create() {
      const sent = await steps.send();
      // A recovered create is not proven to be this run's: the waiting runs take the checked way.
      return {
        company: 'answer' in sent ? recorded(domain, sent.answer.data) : undefined,
        result: () => steps.finish(sent),
      };
    },
    async useRecorded(company) {
      const known = await readRecorded(ctx, type, company.id, match.name);
      // Its domain may have been changed since it was recorded: then it is not this domain's company any more.
      const same = known && claimKey(String(known.properties?.[match.name] ?? '')) === domain;
      return same ? recordOutput(known, { existing: true }) : undefined;
    },
    async createChecked() {
      const sent = await steps.send();
      if (!('answer' in sent)) return steps.finish(sent);
      const kept = await keepOldest(ctx, type, sent.answer.data, match);
      return withRetrievedProperties(ctx, type, kept);
    },
  });
}

/** A plain create (no search before it) with a domain: noted for the Find or Create runs that come after it. */
export async function noteCreated(
  ctx: OperationContext,
  domain: string,
  company: HubSpotRecord,
): Promise<void> {
  if (ctx.shared) await noteCompany(ctx, ctx.shared, recorded(claimKey(domain), company));
}

/**
 * The recorded company with the properties the step outputs (its chosen ones included) and the matched one, or none
 * when it is gone.
 */
async function readRecorded(
  ctx: OperationContext,
  type: ObjectTypeDef,
  id: string,
  matched: string,
): Promise<HubSpotRecord | undefined> {
  try {
    const { data } = await ctx.api.request<HubSpotRecord>({
      method: 'GET',
      path: paths.objects.one(type.name, id),
      query: { properties: [...new Set([...retrievedProperties(ctx, type), matched])].join(',') },
    });
    return data;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
