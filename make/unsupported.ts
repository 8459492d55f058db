import type { OperationDef } from '../operations/types';

/**
 * Operations Make cannot express in IML, with the reason. The parity test accepts an operation missing from the Make
 * app only when it is listed here (by shape, so every object type's variant is covered, or by key).
 */

export interface UnsupportedShape {
  name: string;
  matches(def: OperationDef): boolean;
  reason: string;
}

export const UNSUPPORTED_SHAPES: UnsupportedShape[] = [
  {
    // Property changes and deal stage changes: both read property history after the search.
    name: 'propertyHistoryTrigger',
    matches: (d) =>
      d.kind === 'trigger' &&
      d.calls.endpoints.some((e) => /\/crm\/v3\/objects\/[^/]+\/batch\/read$/.test(e)),
    reason:
      "Emits one bundle per property-history entry: it needs a second request whose body lists the ids found by the first (`inputs: [{id}]`) and a flattening of each record's history array. IML can build neither an array of objects from another array nor a flat list across records without custom IML functions, which Make does not enable by default.",
  },
];

/** Single operations Make cannot express, by operation key. */
export const UNSUPPORTED_KEYS: Readonly<Record<string, string>> = {};

/**
 * Operations IML could express but whose recipe is not written yet. Listed so the gap is visible (the parity test
 * prints it and `npm run build:make` reports it); each entry should become a recipe.
 */
const ENGAGEMENT_IDS =
  'No Make recipe yet: the record is created with associations from lists of record ids (contact_ids, ...), which the createRecord recipe does not send; a recipe must add one `associations` entry per id field.';
export const PENDING_KEYS: Readonly<Record<string, string>> = {
  create_note: ENGAGEMENT_IDS,
  create_task: ENGAGEMENT_IDS,
  create_call: ENGAGEMENT_IDS,
  create_meeting: ENGAGEMENT_IDS,
  create_email: ENGAGEMENT_IDS,
  create_line_item: 'No Make recipe yet: product_id and deal_id become an association and a product lookup.',
  create_association: 'No Make recipe yet (PUT default or labelled association; expressible).',
  remove_association: 'No Make recipe yet (DELETE, or archive one label; expressible).',
  find_associations: 'No Make recipe yet (GET with cursor paging; expressible).',
  new_list_member: 'No Make recipe yet (memberships join-order paging, then a batch read of the members).',
  add_to_list: 'No Make recipe yet (PUT memberships/add with the ids; expressible).',
  remove_from_list: 'No Make recipe yet (PUT memberships/remove with the ids; expressible).',
  find_list:
    'No Make recipe yet (by id, or by name through object-type-id/name; expressible with a condition).',
  find_owner: 'No Make recipe yet (GET owners by email or id; expressible).',
  upload_file: 'No Make recipe yet (multipart upload of a Make buffer, then a note attaching it).',
  submit_form: 'No Make recipe yet (needs the portal id first; the forms host differs from the Base URL).',
  new_form_submission: 'No Make recipe yet (forms v1 submissions with offset paging).',
};

export function unsupportedReason(def: OperationDef): string | undefined {
  return UNSUPPORTED_KEYS[def.key] ?? UNSUPPORTED_SHAPES.find((s) => s.matches(def))?.reason;
}

export function pendingReason(def: OperationDef): string | undefined {
  return PENDING_KEYS[def.key];
}
