import { fail } from '../errors';
import { findStandardObjectType, type ObjectTypeDef, STANDARD_OBJECT_TYPES } from '../facts/objectTypes';

/**
 * The portal's object types: HubSpot's standard ones plus custom objects defined through the schemas API.
 * A path segment may name a type by path name (`contacts`), objectTypeId (`0-1`, `2-1234567`) or, for custom
 * objects, fully qualified name (`p62515_cars`) or plain name.
 * https://developers.hubspot.com/docs/guides/crm/using-object-apis
 */
export class ObjectTypeRegistry {
  private readonly custom = new Map<string, ObjectTypeDef & { fullyQualifiedName: string }>();

  all(): ObjectTypeDef[] {
    return [...STANDARD_OBJECT_TYPES, ...this.custom.values()];
  }

  customTypes(): Array<ObjectTypeDef & { fullyQualifiedName: string }> {
    return [...this.custom.values()];
  }

  find(nameOrId: string): ObjectTypeDef | undefined {
    const standard = findStandardObjectType(nameOrId);
    if (standard) return standard;
    const key = nameOrId.toLowerCase();
    for (const def of this.custom.values()) {
      if (def.objectTypeId === key || def.fullyQualifiedName.toLowerCase() === key || def.name === key)
        return def;
    }
    return undefined;
  }

  /** Resolves a path segment or answers HubSpot's 400 for an unknown object type. */
  resolve(nameOrId: string): ObjectTypeDef {
    const def = this.find(nameOrId);
    if (!def) throw fail(400, `Unable to infer object type from: ${nameOrId}`, 'VALIDATION_ERROR');
    return def;
  }

  addCustom(def: ObjectTypeDef & { fullyQualifiedName: string }): void {
    this.custom.set(def.objectTypeId, def);
  }

  removeCustom(objectTypeId: string): void {
    this.custom.delete(objectTypeId);
  }

  toJSON() {
    return [...this.custom.values()];
  }

  load(defs: Array<ObjectTypeDef & { fullyQualifiedName: string }>): void {
    for (const def of defs) this.custom.set(def.objectTypeId, def);
  }
}
