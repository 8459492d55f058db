import type { Portal } from '../portal';

/**
 * What search needs from the associations store for the `associations.{type}` pseudo-property: the ids of records
 * of `toObjectTypeId` associated with one record of `fromObjectTypeId`.
 * The store (sandbox/state/associations.ts) is written by the associations work; until it offers
 * `associatedIds(fromObjectTypeId, fromId, toObjectTypeId)`, searches through associations find nothing.
 */
export type AssociatedIds = (
  fromObjectTypeId: string,
  fromId: string,
  toObjectTypeId: string,
) => Iterable<string>;

export function associationLookup(portal: Portal): AssociatedIds {
  const store = portal.associations as unknown as { associatedIds?: AssociatedIds };
  if (typeof store.associatedIds === 'function') return store.associatedIds.bind(store);
  return () => [];
}
