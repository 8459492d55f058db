import { DEFAULT_BASE_URL } from '../hubspot/config';
import { findStandardObjectType, type ObjectTypeDef, STANDARD_OBJECT_TYPES } from '../hubspot/objectTypes';
import { customObjectType } from '../operations/objectTypeRef';
import { defaultRetrievedProperties } from '../operations/retrievedProperties';
import type { OperationDef } from '../operations/types';
import { pascalCase } from './naming';

/**
 * An operation's object type as Make sees it: a fixed type (`contacts`) or the value of another parameter
 * (`{fromInput: 'object_type'}`), rendered into IML. Time properties and scopes come from `hubspot/objectTypes.ts`.
 */
export type TypeRef = string | { fromInput: string };

export const HUBSPOT_API = DEFAULT_BASE_URL;

export function isFromInput(ref: TypeRef): ref is { fromInput: string } {
  return typeof ref !== 'string';
}

/** The IML for the type's path segment. */
export function typeIml(ref: TypeRef): string {
  return isFromInput(ref) ? `{{parameters.${ref.fromInput}}}` : ref;
}

/** A word for names derived from the type (`Contacts`, or the input field: `ObjectType`). */
export function typeWord(ref: TypeRef): string {
  return pascalCase(isFromInput(ref) ? ref.fromInput : ref);
}

/** A property of the type's definition, as IML: fixed, or a `switch` over the standard types for a chosen type. */
export function typeProperty(
  ref: TypeRef,
  pick: 'createdProperty' | 'lastModifiedProperty' | 'primaryDisplayProperty',
): string {
  if (!isFromInput(ref)) {
    const def = findStandardObjectType(ref) ?? customObjectType(ref);
    return def[pick];
  }
  const cases = STANDARD_OBJECT_TYPES.flatMap((t) => [
    `'${t.name}', '${t[pick]}'`,
    `'${t.objectTypeId}', '${t[pick]}'`,
  ]);
  return `{{switch(parameters.${ref.fromInput}, ${cases.join(', ')}, '${customObjectType('x')[pick]}')}}`;
}

/**
 * The properties a module asks for when none are chosen in "Properties to retrieve", as an IML array: the same
 * common properties as on Zapier (`defaultRetrievedProperties`), fixed, or a `switch` over the standard types for a
 * chosen type.
 */
export function defaultPropertiesIml(ref: TypeRef): string {
  const names = (def: ObjectTypeDef) => `'${defaultRetrievedProperties(def).join(',')}'`;
  if (!isFromInput(ref)) return `split(${names(findStandardObjectType(ref) ?? customObjectType(ref))}, ',')`;
  const cases = STANDARD_OBJECT_TYPES.flatMap((t) => [
    `'${t.name}', ${names(t)}`,
    `'${t.objectTypeId}', ${names(t)}`,
  ]);
  return `split(switch(parameters.${ref.fromInput}, ${cases.join(', ')}, ${names(customObjectType('x'))}), ',')`;
}

export function scopesFor(ref: TypeRef, access: 'read' | 'write'): string[] {
  if (isFromInput(ref)) return [];
  const def = findStandardObjectType(ref) ?? customObjectType(ref);
  const scope = (access === 'read' ? def.readScopes : def.writeScopes)[0];
  return scope ? [scope] : [];
}

/** The operation's object type: declared (`objectType`), its property-fields spec, or a field's dropdown. */
export function operationTypeRef(def: OperationDef): TypeRef | undefined {
  const declared = def.objectType ?? def.propertyFields?.objectType;
  if (declared) return declared;
  for (const field of def.inputFields) {
    const source = field.dropdown as { objectType?: TypeRef } | undefined;
    if (source?.objectType) return source.objectType;
  }
  return undefined;
}

const SINGLE_IML = /^\{\{((?:(?!\{\{|\}\})[\s\S])+)\}\}$/;

/**
 * A path from `hubspot/paths.ts` with IML in its segments. A literal argument goes to the builder, which encodes it;
 * an IML argument (`{{expr}}`) is passed as a placeholder (which `seg()` leaves as it is) and put back as
 * `{{encodeURL(expr)}}`, so a mapped value stays one segment: `../companies/1` or `1?archived=true` cannot climb to
 * another endpoint or add a query. encodeURL encodes like encodeURIComponent
 * (https://help.make.com/text-and-binary-functions); `.` and `..` are left to `make/pathGuards.ts`.
 * Keeps paths.ts the one place that knows HubSpot's URLs.
 */
export function imlPath<A extends string[]>(build: (...args: A) => string, ...iml: A): string {
  const expressions = iml.map((value) => {
    if (!value.includes('{{')) return undefined;
    const m = SINGLE_IML.exec(value);
    if (!m) throw new Error(`imlPath: "${value}" must be a literal or one {{expression}}`);
    return m[1]!;
  });
  const placeholders = iml.map((value, i) => (expressions[i] ? `MAKEIMLARG${i}X` : value)) as A;
  let path = build(...placeholders);
  expressions.forEach((expr, i) => {
    if (expr) path = path.replace(placeholders[i]!, `{{encodeURL(${expr})}}`);
  });
  return path;
}
