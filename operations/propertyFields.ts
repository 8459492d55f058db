import { isOwnerProperty } from '../hubspot/coerce';
import type { PropertyDefinition } from '../hubspot/propertyDefinition';
import { PIPELINE_PROPERTIES } from './pipelines';
import type { DropdownSource, InputFieldDef, PropertyFieldsSpec } from './types';

/**
 * Turns a portal's property definitions into input fields. Read-only, calculated and hidden properties are left out:
 * HubSpot refuses writes to them (READ_ONLY_VALUE), so offering them would only produce failing steps.
 * https://developers.hubspot.com/docs/api/crm/properties
 */

export interface PortalPropertyDefinition extends PropertyDefinition {
  description?: string;
  hidden?: boolean;
  calculated?: boolean;
  hasUniqueValue?: boolean;
  displayOrder?: number;
  groupName?: string;
}

/** Properties a user may write. */
export function isWritable(def: PortalPropertyDefinition): boolean {
  return (
    !def.hidden &&
    !def.calculated &&
    !def.modificationMetadata?.readOnlyValue &&
    def.fieldType !== 'calculation_equation'
  );
}

export function propertyInputField(def: PortalPropertyDefinition, required = false): InputFieldDef {
  const help = [def.description, `HubSpot property \`${def.name}\` (${describeType(def)}).`]
    .filter(Boolean)
    .join(' ');
  const field: InputFieldDef = { key: def.name, label: def.label || def.name, required, helpText: help };
  // Owner properties hold owner ids; the field offers the owners dropdown and also accepts an e-mail.
  if (isOwnerProperty(def))
    return {
      ...field,
      dropdown: { kind: 'owners' },
      search: 'find_owner',
      helpText: `${help} Accepts an owner id or e-mail.`,
    };
  const options = (def.options ?? [])
    .filter((o) => !o.hidden)
    .map((o) => ({ value: o.value, label: o.label }));
  switch (def.type) {
    case 'bool':
      return { ...field, type: 'boolean' };
    case 'number':
      return { ...field, type: 'number' };
    case 'date':
    case 'datetime':
      return { ...field, type: 'datetime' };
    case 'enumeration':
      if (options.length === 0) return field;
      return def.fieldType === 'checkbox'
        ? { ...field, choices: options, list: true }
        : { ...field, choices: options };
    default:
      return def.fieldType === 'textarea' || def.fieldType === 'html' ? { ...field, type: 'text' } : field;
  }
}

function describeType(def: PropertyDefinition): string {
  if (def.type === 'date') return 'date, stored as midnight UTC';
  if (def.type === 'enumeration' && def.fieldType === 'checkbox') return 'multiple choice';
  if (def.type === 'enumeration') return 'one choice, by label or internal value';
  return def.type;
}

/** The input fields for a record write, in HubSpot's display order. */
export function propertyInputFields(
  defs: readonly PortalPropertyDefinition[],
  spec: PropertyFieldsSpec,
  requiredOnCreate: readonly string[] = spec.required ?? [],
): InputFieldDef[] {
  const excluded = new Set(spec.exclude ?? []);
  return defs
    .filter((d) => isWritable(d) && !excluded.has(d.name))
    .sort((a, b) => (a.displayOrder ?? 0) - (b.displayOrder ?? 0) || a.label.localeCompare(b.label))
    .map((d) => propertyInputField(d, spec.purpose === 'create' && requiredOnCreate.includes(d.name)))
    .map((field) =>
      typeof spec.objectType === 'string' ? withPipelineDropdown(field, spec.objectType) : field,
    );
}

/**
 * Pipeline and stage properties hold ids from the portal's pipelines, and a stage must belong to the chosen pipeline,
 * so they render as a pipeline dropdown that reloads the fields and a stage dropdown listing that pipeline's stages.
 * https://developers.hubspot.com/docs/api/crm/pipelines
 */
/** The dropdowns a type's property fields refer to beyond the owners one (pipelines and stages). */
export function propertyFieldDropdowns(spec: PropertyFieldsSpec): DropdownSource[] {
  if (typeof spec.objectType !== 'string' || !PIPELINE_PROPERTIES[spec.objectType]) return [];
  const objectType = spec.objectType;
  return [
    { kind: 'pipelines', objectType },
    { kind: 'stages', objectType, pipelineField: PIPELINE_PROPERTIES[objectType]!.pipeline },
  ];
}

function withPipelineDropdown(field: InputFieldDef, objectType: string): InputFieldDef {
  const names = PIPELINE_PROPERTIES[objectType];
  if (!names || (field.key !== names.pipeline && field.key !== names.stage)) return field;
  const { choices: _choices, ...rest } = field;
  return field.key === names.pipeline
    ? { ...rest, dropdown: { kind: 'pipelines', objectType }, altersDynamicFields: true }
    : { ...rest, dropdown: { kind: 'stages', objectType, pipelineField: names.pipeline } };
}
