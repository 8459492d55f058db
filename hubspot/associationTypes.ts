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
