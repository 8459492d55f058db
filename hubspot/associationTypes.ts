/**
 * HubSpot-defined association type ids (category HUBSPOT_DEFINED). Ids are directional: contact → company is 279,
 * company → contact is 280. Source: https://developers.hubspot.com/docs/api/crm/associations/v4 and the
 * `AssociationTypes` enum of @hubspot/api-client.
 */

export interface AssociationTypeDef {
  from: string;
  to: string;
  typeId: number;
  /** The id of the same association read from the other side. */
  inverseTypeId: number;
  /** `null` for the unlabelled default type; a name for HubSpot's own labels such as "Primary". */
  label: string | null;
}

const pairs: Array<[from: string, to: string, typeId: number, inverseTypeId: number, label: string | null]> =
  [
    ['contacts', 'companies', 279, 280, null],
    ['contacts', 'companies', 1, 2, 'Primary'],
    ['deals', 'contacts', 3, 4, null],
    ['deals', 'companies', 341, 342, null],
    ['deals', 'companies', 5, 6, 'Primary'],
    ['tickets', 'contacts', 16, 15, null],
    ['tickets', 'companies', 339, 340, null],
    ['tickets', 'companies', 26, 25, 'Primary'],
    ['deals', 'tickets', 27, 28, null],
    ['deals', 'line_items', 19, 20, null],
    ['companies', 'companies', 13, 14, 'Parent Company'],
    ['quotes', 'deals', 64, 63, null],
    ['notes', 'contacts', 202, 201, null],
    ['notes', 'companies', 190, 189, null],
    ['notes', 'deals', 214, 213, null],
    ['notes', 'tickets', 228, 227, null],
    ['tasks', 'contacts', 204, 203, null],
    ['tasks', 'companies', 192, 191, null],
    ['tasks', 'deals', 216, 215, null],
    ['tasks', 'tickets', 230, 229, null],
    ['calls', 'contacts', 194, 193, null],
    ['calls', 'companies', 182, 181, null],
    ['calls', 'deals', 206, 205, null],
    ['calls', 'tickets', 220, 219, null],
    ['meetings', 'contacts', 200, 199, null],
    ['meetings', 'companies', 188, 187, null],
    ['meetings', 'deals', 212, 211, null],
    ['meetings', 'tickets', 226, 225, null],
    ['emails', 'contacts', 198, 197, null],
    ['emails', 'companies', 186, 185, null],
    ['emails', 'deals', 210, 209, null],
    ['emails', 'tickets', 224, 223, null],
    // Quotes: https://developers.hubspot.com/docs/api-reference/latest/crm/objects/quotes/guide (quote associations)
    ['quotes', 'contacts', 69, 70, null],
    ['quotes', 'companies', 71, 72, null],
    ['quotes', 'line_items', 67, 68, null],
    // Leads: a lead is created with its primary contact (578): https://developers.hubspot.com/docs/api/crm/leads
    ['leads', 'contacts', 578, 579, 'Primary'],
    ['leads', 'contacts', 608, 609, null],
    ['leads', 'companies', 610, 611, null],
    // Orders: https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/orders/guide (associations)
    ['orders', 'contacts', 507, 508, null],
    ['orders', 'companies', 509, 510, null],
    ['orders', 'deals', 512, 511, null],
    ['orders', 'line_items', 513, 514, null],
    // Carts: https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/carts/guide (associations)
    ['carts', 'contacts', 586, 587, null],
    ['carts', 'line_items', 590, 591, null],
    ['carts', 'orders', 592, 593, null],
    // Invoices: https://developers.hubspot.com/docs/api/crm/invoices (associations)
    ['invoices', 'contacts', 177, 178, null],
    ['invoices', 'companies', 179, 180, null],
    ['invoices', 'deals', 175, 176, null],
    ['invoices', 'line_items', 409, 410, null],
    // Communications, postal mail, feedback submissions: the `AssociationTypes` enum of @hubspot/api-client 14.
    ['communications', 'contacts', 81, 82, null],
    ['communications', 'tickets', 83, 84, null],
    ['communications', 'deals', 85, 86, null],
    ['communications', 'companies', 87, 88, null],
    ['postal_mail', 'contacts', 453, 454, null],
    ['postal_mail', 'tickets', 455, 456, null],
    ['postal_mail', 'deals', 457, 458, null],
    ['postal_mail', 'companies', 459, 460, null],
    ['feedback_submissions', 'contacts', 98, 97, null],
    ['feedback_submissions', 'tickets', 100, 99, null],
  ];

/** Same-type pairs use one id in both directions. */
const selfPairs: Array<[type: string, typeId: number]> = [
  ['contacts', 449],
  ['companies', 450],
  ['deals', 451],
  ['tickets', 452],
];

export const HUBSPOT_DEFINED_ASSOCIATION_TYPES: readonly AssociationTypeDef[] = [
  ...pairs.flatMap(([from, to, typeId, inverseTypeId, label]) => [
    { from, to, typeId, inverseTypeId, label },
    { from: to, to: from, typeId: inverseTypeId, inverseTypeId: typeId, label },
  ]),
  ...selfPairs.map(([type, typeId]) => ({
    from: type,
    to: type,
    typeId,
    inverseTypeId: typeId,
    label: null,
  })),
];

/** The unlabelled default type from one object type to another, if HubSpot defines one. */
export function defaultAssociationTypeId(from: string, to: string): number | undefined {
  return HUBSPOT_DEFINED_ASSOCIATION_TYPES.find((t) => t.from === from && t.to === to && t.label === null)
    ?.typeId;
}

/** The type id going the other way (279 → 280). */
export function inverseAssociationTypeId(typeId: number, from: string, to: string): number | undefined {
  return HUBSPOT_DEFINED_ASSOCIATION_TYPES.find((t) => t.typeId === typeId && t.from === from && t.to === to)
    ?.inverseTypeId;
}

/** A HubSpot-defined type by its label (`Primary`), e.g. the lead → primary contact type a lead is created with. */
export function labelledAssociationTypeId(from: string, to: string, label: string): number | undefined {
  return HUBSPOT_DEFINED_ASSOCIATION_TYPES.find((t) => t.from === from && t.to === to && t.label === label)
    ?.typeId;
}
