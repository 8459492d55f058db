import { PROPERTY_HISTORY_CODE } from '../operations/objects/propertyChange';
import type { CodeNote } from '../operations/request';
import type { OperationDef } from '../operations/types';

/**
 * Operations Make cannot express in IML, with the reason. The parity test accepts an operation missing from the Make
 * app only when it is listed here (by its shared code reason, so every object type's variant is covered, or by key).
 */

/** Operations that are code by a shared reason (`OperationDef.code`), so every object type's variant is covered. */
export const UNSUPPORTED_CODES: ReadonlyMap<CodeNote, string> = new Map([
  [
    // Property changes and deal stage changes: both read property history after the search.
    PROPERTY_HISTORY_CODE,
    "Emits one bundle per property-history entry. The second request (a batch read with `propertiesWithHistory` for the ids the search found) can be built in IML (`make/imlArrays.ts`), but the bundles cannot: each record's history is an array inside the record, and a history entry does not carry its record's id. `iterate` takes one container and cannot nest (one bundle per entry per record), and `flatten(map(...))` would give the entries without the record they belong to.",
  ],
]);

/** Single operations Make cannot express, by operation key. */
export const UNSUPPORTED_KEYS: Readonly<Record<string, string>> = {
  new_list_member:
    "HubSpot lists members only in join order, oldest first (`GET /crm/v3/lists/{listId}/memberships/join-order`), with no filter on the join time. The Zapier trigger stores the paging cursor of the last page it read and resumes there; a Make polling trigger keeps only the last date and id it emitted (`data.lastDate`, `data.lastID`), so every run would have to page from the list's first member, and Make stops a run after 3,200 items (50 pages): members beyond that in a larger list would never be reached. The members' properties also come from a second, batched read that a Make trigger cannot join. Use New or Updated Contact with a list-membership filter, or a HubSpot workflow webhook.",
  new_form_submission:
    'Watches several forms, or every form when none is chosen: Forms v1 reads submissions one form at a time (`GET /form-integrations/v1/submissions/forms/{formGuid}`) and has no cross-form endpoint, while a Make polling trigger is one paged request; IML cannot send one request per form of a list, nor list the forms and then read each. A single-form watch would be expressible but is a different operation with a different field (one required form instead of an optional list).',
};

/**
 * Operations IML could express but whose requests are not declared yet. Listed so the gap is visible (the parity
 * test prints it and `npm run build:make` reports it); each entry should declare its requests. Empty today.
 */
export const PENDING_KEYS: Readonly<Record<string, string>> = {};

export function unsupportedReason(def: OperationDef): string | undefined {
  return UNSUPPORTED_KEYS[def.key] ?? (def.code ? UNSUPPORTED_CODES.get(def.code) : undefined);
}

export function pendingReason(def: OperationDef): string | undefined {
  return PENDING_KEYS[def.key];
}
