import { PROPERTIES_TO_RETRIEVE } from '../operations/retrievedProperties';
import type { OperationDef, OutputFieldDef } from '../operations/types';
import { toMakeParam } from './fields';
import type { Json, MakeParam } from './model';
import { propertyFieldsRpcName, rpcName } from './rpcs';

/** Parameters, interface and the `limit` parameter, shared by every module rendered from an operation. */

const OUTPUT_TYPES: Record<NonNullable<OutputFieldDef['type']>, string> = {
  string: 'text',
  number: 'number',
  integer: 'integer',
  boolean: 'boolean',
  datetime: 'date',
};

/**
 * Zapier fields Make modules leave out, with the reason: each comes from a second, batched read joined per record,
 * and a Make trigger or search is one paged request whose items cannot be joined with another request's answer.
 */
export const ZAPIER_ONLY_FIELDS: Readonly<Record<string, string>> = {
  include_associations:
    'Associated record ids come from a second batched read joined per record, which a Make polling trigger (one paged request) cannot do; use "Make an API Call" on the v4 associations API.',
  associated_properties:
    'Make outputs one bundle per associated record; read their properties with a Find module by Record ID after it (a second batched read cannot be joined into a Make search).',
};

/**
 * On actions, "Properties to retrieve" costs a read after the write when the write's answer lacks a chosen property
 * (`withRetrievedProperties`); Make's watch and search modules take it in their one request.
 */
const RETRIEVE_ON_WRITE =
  "A write's answer carries only the properties written and HubSpot's default set; the chosen ones would need a read after the write, run only when the answer lacks some, which a Make action's fixed requests do not express. Read them with a Find module by Record ID after it.";

/** Why a field of this operation has no Make parameter, or undefined when it has one. */
export function zapierOnlyReason(def: OperationDef, key: string): string | undefined {
  if (key === PROPERTIES_TO_RETRIEVE && def.kind === 'create') return RETRIEVE_ON_WRITE;
  return ZAPIER_ONLY_FIELDS[key];
}

export function zapierOnlyParams(def: OperationDef): Record<string, string> | undefined {
  const entries = def.inputFields
    .filter((f) => zapierOnlyReason(def, f.key))
    .map((f) => [f.key, zapierOnlyReason(def, f.key)!]);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/** The operation's own fields, then the property fields (unless a field already nests them). */
export function operationParams(def: OperationDef): MakeParam[] {
  const nested = def.propertyFields ? propertyFieldsRpcName(def.propertyFields) : undefined;
  const params: MakeParam[] = def.inputFields
    .filter((f) => !zapierOnlyReason(def, f.key))
    .map((field) => toMakeParam(field, { rpcFor: (f) => rpcName(f.dropdown!), nested }));
  // A destructive operation's warning: a banner above the fields, as Zapier shows a Copy field.
  if (def.warning) params.unshift({ name: 'warning', type: 'banner', text: def.warning });
  const nestedSomewhere = def.inputFields.some((f) => f.altersDynamicFields);
  if (nested && !nestedSomewhere) params.push(`rpc://${nested}`);
  return params;
}

/**
 * Keys the action's own fields use; everything else in `parameters` is a HubSpot property. Fields listed in
 * `propertyFields.exclude` are properties the operation renders itself, so they stay.
 */
export function ownKeys(def: OperationDef): string[] {
  const properties = new Set(def.propertyFields?.exclude ?? []);
  return def.inputFields.map((f) => f.key).filter((k) => !properties.has(k));
}

/** The property fields: `parameters` without the own fields (`omit` needs at least one key, per Make's docs). */
export function omitOwn(def: OperationDef): string {
  const own = ownKeys(def);
  return own.length ? `{{omit(parameters, ${own.map((k) => `'${k}'`).join(', ')})}}` : '{{parameters}}';
}

/** Zapier's `properties__email` output keys become a `properties` collection in Make's interface. */
export function interfaceFor(fields: readonly OutputFieldDef[]): Json[] {
  const out: Json[] = [];
  const collections = new Map<string, Json[]>();
  for (const field of fields) {
    const type = OUTPUT_TYPES[field.type ?? 'string'];
    const [parent, child] = field.key.split('__');
    if (child) {
      if (!collections.has(parent!)) {
        const spec: Json[] = [];
        collections.set(parent!, spec);
        out.push({ name: parent, label: 'Properties', type: 'collection', spec });
      }
      collections.get(parent!)!.push({ name: child, label: field.label, type });
    } else {
      out.push({ name: field.key, label: field.label, type });
    }
  }
  return out;
}

export const LIMIT_PARAM = (fallback: number): Json => ({
  name: 'limit',
  type: 'uinteger',
  label: 'Maximum number of results',
  default: fallback,
  required: false,
});
