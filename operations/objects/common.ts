import { findStandardObjectType, type ObjectTypeDef } from '../../hubspot/objectTypes';
import type { OutputFieldDef } from '../types';

/** What a record operation is configured with: which object, how it is called in the UI, and an example record. */
export interface RecordOperationConfig {
  key: string;
  objectType: string;
  sample: Record<string, unknown>;
}

export function objectType(name: string): ObjectTypeDef {
  const def = findStandardObjectType(name);
  if (!def) throw new Error(`Unknown standard object type ${name}`);
  return def;
}

export const recordOutputFields: readonly OutputFieldDef[] = [
  { key: 'id', label: 'Record ID', type: 'string' },
  { key: 'createdAt', label: 'Created at', type: 'datetime' },
  { key: 'updatedAt', label: 'Updated at', type: 'datetime' },
  { key: 'archived', label: 'Archived', type: 'boolean' },
];

/** Output fields for a type: the record fields plus its default properties. */
export function outputFieldsFor(type: ObjectTypeDef): OutputFieldDef[] {
  return [
    ...recordOutputFields,
    ...type.defaultProperties.map((p) => ({ key: `properties__${p}`, label: p, type: 'string' as const })),
  ];
}
