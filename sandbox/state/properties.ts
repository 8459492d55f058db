import { defaultSchemaFor } from '../defaults';
import type { ObjectTypeDef } from '../facts/objectTypes';
import type { PropertyDef, PropertyGroup } from '../model';

interface TypeSchema {
  properties: Map<string, PropertyDef>;
  groups: Map<string, PropertyGroup>;
}

/**
 * Property definitions and groups per object type, starting from HubSpot's defaults and changed through the
 * properties API. https://developers.hubspot.com/docs/api/crm/properties
 */
export class PropertyStore {
  private readonly byType = new Map<string, TypeSchema>();

  constructor(private readonly now: () => number) {}

  private schema(type: ObjectTypeDef): TypeSchema {
    let schema = this.byType.get(type.objectTypeId);
    if (!schema) {
      const defaults = type.custom ? { properties: [], groups: [] } : defaultSchemaFor(type.name, this.now());
      schema = {
        properties: new Map(defaults.properties.map((p) => [p.name, p])),
        groups: new Map(defaults.groups.map((g) => [g.name, g])),
      };
      this.byType.set(type.objectTypeId, schema);
    }
    return schema;
  }

  list(type: ObjectTypeDef, options: { archived?: boolean } = {}): PropertyDef[] {
    return [...this.schema(type).properties.values()].filter(
      (p) => p.archived === (options.archived ?? false),
    );
  }

  get(type: ObjectTypeDef, name: string): PropertyDef | undefined {
    const def = this.schema(type).properties.get(name);
    return def && !def.archived ? def : undefined;
  }

  put(type: ObjectTypeDef, def: PropertyDef): void {
    this.schema(type).properties.set(def.name, def);
  }

  groups(type: ObjectTypeDef): PropertyGroup[] {
    return [...this.schema(type).groups.values()].filter((g) => !g.archived);
  }

  group(type: ObjectTypeDef, name: string): PropertyGroup | undefined {
    const group = this.schema(type).groups.get(name);
    return group && !group.archived ? group : undefined;
  }

  putGroup(type: ObjectTypeDef, group: PropertyGroup): void {
    this.schema(type).groups.set(group.name, group);
  }

  toJSON() {
    return [...this.byType].map(([objectTypeId, s]) => ({
      objectTypeId,
      properties: [...s.properties.values()],
      groups: [...s.groups.values()],
    }));
  }

  load(state: ReturnType<PropertyStore['toJSON']>): void {
    for (const s of state) {
      this.byType.set(s.objectTypeId, {
        properties: new Map(s.properties.map((p) => [p.name, p])),
        groups: new Map(s.groups.map((g) => [g.name, g])),
      });
    }
  }
}
