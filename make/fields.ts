import type { InputFieldDef, InputFieldType } from '../operations/types';
import type { Json } from './model';

/**
 * One shared input field → one Make parameter. Dropdowns become selects filled by an RPC (`rpc://…`), with
 * `mode: edit` so a scenario can also map a value; a field that reloads the dynamic fields (the object type) nests
 * the property-fields RPC under it.
 */

const TYPES: Record<InputFieldType, string> = {
  string: 'text',
  text: 'text',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  datetime: 'date',
  file: 'buffer',
  password: 'password',
  json: 'any',
};

export interface FieldRendering {
  /** The RPC name that fills a dropdown field. */
  rpcFor(field: InputFieldDef): string;
  /** What changing this field reloads (property fields RPC), for `altersDynamicFields`. */
  nested?: string;
}

export function toMakeParam(field: InputFieldDef, rendering: FieldRendering): Json {
  const base: Json = {
    name: field.key,
    label: field.label,
    required: Boolean(field.required),
    ...(field.helpText ? { help: field.helpText } : {}),
  };
  const nested = field.altersDynamicFields && rendering.nested ? [`rpc://${rendering.nested}`] : undefined;
  if (field.dropdown) {
    const rpc = `rpc://${rendering.rpcFor(field)}`;
    return {
      ...base,
      type: 'select',
      options: nested ? { store: rpc, nested } : rpc,
      mode: 'edit',
      ...(field.default !== undefined ? { default: field.default } : {}),
      ...(field.list ? { multiple: true } : {}),
    };
  }
  if (field.choices) {
    return {
      ...base,
      type: 'select',
      options: field.choices.map((c) => ({ label: c.label, value: c.value, ...(nested ? { nested } : {}) })),
      ...(field.default !== undefined ? { default: field.default } : {}),
      ...(field.list ? { multiple: true } : {}),
    };
  }
  const type = TYPES[field.type ?? 'string'];
  const param: Json = { ...base, type, ...(field.type === 'text' ? { multiline: true } : {}) };
  if (field.default !== undefined)
    param.default = type === 'boolean' ? field.default === 'true' : field.default;
  if (field.list) return { ...base, type: 'array', spec: { name: 'value', type, label: field.label } };
  return param;
}
