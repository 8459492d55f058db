import type { ObjectTypeDef } from '../facts/objectTypes';
import type { SandboxRecord } from '../model';
import type { Portal } from '../portal';

/**
 * Value → record id for the properties that identify a record: a contact's `email` (HubSpot's dedupe key, compared
 * case-insensitively: https://developers.hubspot.com/docs/api/crm/contacts) and every property with
 * `hasUniqueValue: true`. Only live (unarchived) records are indexed.
 *
 * Each (type, property) map is built on first use by one scan and then kept current from the record store's change
 * feed, so a create or an `idProperty` lookup costs a map access however many records the portal holds.
 */
export class UniqueIndex {
  private readonly byType = new Map<string, Map<string, Map<string, string>>>();

  constructor(private readonly portal: Portal) {
    portal.records.onChange((record, previous) => this.follow(record, previous));
  }

  /** The live record id holding this value, if any. */
  lookup(type: ObjectTypeDef, property: string, value: string): string | undefined {
    return this.map(type.objectTypeId, property).get(normalise(type, property, value));
  }

  private map(objectTypeId: string, property: string): Map<string, string> {
    let perType = this.byType.get(objectTypeId);
    if (!perType) {
      perType = new Map();
      this.byType.set(objectTypeId, perType);
    }
    let values = perType.get(property);
    if (!values) {
      values = new Map();
      const type = this.portal.objectTypes.find(objectTypeId);
      for (const record of this.portal.records.table(objectTypeId).values()) {
        const value = record.properties[property];
        if (!record.archived && value !== undefined && value !== '' && type) {
          values.set(normalise(type, property, value), record.id);
        }
      }
      perType.set(property, values);
    }
    return values;
  }

  private follow(record: SandboxRecord, previous: SandboxRecord | undefined): void {
    const perType = this.byType.get(record.objectTypeId);
    if (!perType) return;
    const type = this.portal.objectTypes.find(record.objectTypeId);
    if (!type) return;
    for (const [property, values] of perType) {
      const before = previous && !previous.archived ? previous.properties[property] : undefined;
      const after = record.archived ? undefined : record.properties[property];
      if (before === after) continue;
      if (before !== undefined) {
        const key = normalise(type, property, before);
        if (values.get(key) === previous!.id) values.delete(key);
      }
      if (after !== undefined && after !== '') values.set(normalise(type, property, after), record.id);
    }
  }
}

/** Contact emails are unique whatever their case; other unique values compare exactly. */
function normalise(type: ObjectTypeDef, property: string, value: string): string {
  return isContactEmail(type, property) ? value.trim().toLowerCase() : value;
}

export const isContactEmail = (type: ObjectTypeDef, property: string) =>
  type.objectTypeId === '0-1' && property === 'email';

const indexes = new WeakMap<Portal, UniqueIndex>();

/** The portal's unique-value index (one per portal, made on first use). */
export function uniqueIndex(portal: Portal): UniqueIndex {
  let index = indexes.get(portal);
  if (!index) {
    index = new UniqueIndex(portal);
    indexes.set(portal, index);
  }
  return index;
}
