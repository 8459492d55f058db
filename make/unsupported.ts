import type { CodeNote } from '../operations/request';
import type { OperationDef } from '../operations/types';

/**
 * Operations Make cannot express in IML, with the reason. The parity test accepts an operation missing from the Make
 * app only when it is listed here (by its shared code reason, so every object type's variant is covered, or by key).
 */

/**
 * Operations that are code by a shared reason (`OperationDef.code`), so every object type's variant is covered. None
 * today: the property-history triggers are Make watch modules with several requests (`make/watchModules.ts`).
 */
export const UNSUPPORTED_CODES: ReadonlyMap<CodeNote, string> = new Map<CodeNote, string>();

/** Single operations Make cannot express, by operation key. */
export const UNSUPPORTED_KEYS: Readonly<Record<string, string>> = {
  new_list_member:
    "HubSpot lists members only in join order, oldest first (`GET /crm/v3/lists/{listId}/memberships/join-order`, https://developers.hubspot.com/docs/api/crm/lists), with no filter on the join time: the only way to start after a member is the paging cursor of the page it was on. A Make polling trigger keeps nothing between runs but the date and id of the last item it returned (`data.lastDate`, `data.lastID`: https://developers.make.com/custom-apps-documentation/app-components/modules/trigger), so every run would page from the list's first member, and Make ends a run's paging after 50 pagination requests or 3,200 items (https://developers.make.com/custom-apps-documentation/component-blocks/api/pagination), which is why it advises against `asc` triggers (https://developers.make.com/custom-apps-documentation/best-practices/trigger-modules). In a list of more than 3,200 members the new ones would never be reached, and nothing would say so. On Make, New List Member is the instant module instead (`watchNewListMemberInstant`, key `new_list_member_instant`): the events relay reads HubSpot's webhooks journal, which reports each record added to (or removed from) the list, so no paging is needed.",
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
