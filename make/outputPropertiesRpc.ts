import { paths } from '../hubspot/paths';
import { PROPERTIES_TO_RETRIEVE } from '../operations/retrievedProperties';
import type { ObjectTypeRef, OperationKind, OutputFieldDef } from '../operations/types';
import type { Json, MakeParam, MakeRpc } from './model';
import { interfaceFor } from './moduleParts';
import { defaultPropertiesIml, imlPath, isFromInput, type TypeRef, typeIml, typeWord } from './objectRef';

/**
 * Output labels from the portal: the record properties a module outputs under `properties`, labelled as the portal
 * labels them, as the Zapier app does (`retrievedOutputFields`). Make builds part of a module's interface from an RPC
 * named among its static fields, `[{…}, "rpc://name"]`, and the RPC reads the module's parameters as `parameters`
 * (https://developers.make.com/custom-apps-documentation/component-blocks/interface, "Dynamic interface using RPC";
 * its output is fields in the parameters syntax:
 * https://developers.make.com/custom-apps-documentation/app-structure/rpcs/dynamic-fields-rpc).
 *
 * One call: the type's property definitions (`GET /crm/v3/properties/{type}`). Which properties: the ones the module
 * outputs. A read (watch, find, get, search, instant trigger) asks for the type's common properties and those chosen
 * in "Properties to retrieve"; a write (create, update, upsert) answers with HubSpot's default set and the properties
 * written, which are the module's parameters named like a property.
 */

/** Reads ask for the common and the chosen properties; writes answer with the default set and what they wrote. */
export type OutputPropertiesMode = 'read' | 'write';

export interface OutputPropertiesSource {
  objectType: ObjectTypeRef;
  mode: OutputPropertiesMode;
}

/**
 * Make's interface types for HubSpot's property types (https://developers.hubspot.com/docs/api/crm/properties):
 * dates and date-times are `date` (an interface field has only a name, a label and a type, so a date-only property
 * cannot say so), numbers `number`, booleans `boolean`, and everything else text. An enumeration outputs its
 * internal value (`a;b` for multiple checkboxes) as text, under the property's label.
 */
const MAKE_TYPE =
  "{{if(item.type == 'number', 'number', if(item.type == 'bool', 'boolean', if(item.type == 'date' || item.type == 'datetime', 'date', 'text')))}}";

export function outputPropertiesRpcName(source: OutputPropertiesSource): string {
  const type = source.objectType as TypeRef;
  return `list${typeWord(type)}${source.mode === 'write' ? 'Written' : ''}OutputProperties`;
}

/** The names the module outputs, as an IML array. */
function outputNames(source: OutputPropertiesSource): string {
  const defaults = defaultPropertiesIml(source.objectType as TypeRef);
  return source.mode === 'read'
    ? `merge(${defaults}, ifempty(parameters.${PROPERTIES_TO_RETRIEVE}, emptyarray))`
    : `merge(${defaults}, map(toArray(parameters), 'key'))`;
}

export function outputPropertiesRpc(source: OutputPropertiesSource): MakeRpc {
  const type = source.objectType as TypeRef;
  const request: Json = {
    // Worked out once, before the request (`temp` runs first), rather than for every property of the answer.
    temp: { names: `{{${outputNames(source)}}}` },
    url: imlPath(paths.properties.list, typeIml(type)),
    response: {
      iterate: { container: '{{body.results}}', condition: '{{contains(temp.names, item.name)}}' },
      output: { name: '{{item.name}}', label: '{{ifempty(item.label, item.name)}}', type: MAKE_TYPE },
      // One collection holding them, as the record's output nests them under `properties`.
      wrapper: [{ name: 'properties', label: 'Properties', type: 'collection', spec: '{{output}}' }],
    },
  };
  return {
    name: outputPropertiesRpcName(source),
    label: `${typeWord(type)} output properties${source.mode === 'write' ? ' of a write' : ''}`,
    params: [],
    // Until a type is chosen there is nothing to label: a lone request whose condition is false returns nothing
    // (https://developers.make.com/custom-apps-documentation/component-blocks/api/making-requests#condition).
    communication: isFromInput(type)
      ? { condition: `{{parameters.${type.fromInput}}}`, ...request }
      : request,
  };
}

/** Where an operation of this kind gets its output properties from. */
export function outputPropertiesSource(
  objectType: ObjectTypeRef | undefined,
  kind: OperationKind,
): OutputPropertiesSource | undefined {
  return objectType === undefined ? undefined : { objectType, mode: kind === 'create' ? 'write' : 'read' };
}

/**
 * The module's interface: its own fields, then the RPC in place of the static `properties` collection (which stands
 * in for the labelled properties in the definition, as on Zapier), or last when the static fields have none.
 */
export function labelledInterface(
  fields: readonly OutputFieldDef[],
  source: OutputPropertiesSource | undefined,
): MakeParam[] {
  const own = interfaceFor(fields);
  if (!source) return own;
  const reference = `rpc://${outputPropertiesRpcName(source)}`;
  const at = own.findIndex((f) => f.name === 'properties');
  if (at < 0) return [...own, reference];
  return [...own.slice(0, at), reference, ...own.slice(at + 1)];
}
