import type { OperationResult, OutputFieldDef } from '../types';

/** What the association writes output: the pair, and the labels now between the two records. */
export function associationPairOutput(
  fromType: string,
  fromId: string,
  toType: string,
  toId: string,
  labels: readonly string[],
): OperationResult {
  return {
    id: `${fromType}:${fromId}:${toType}:${toId}`,
    from_object_type: fromType,
    from_id: fromId,
    to_object_type: toType,
    to_id: toId,
    labels: [...labels],
  };
}

export const ASSOCIATION_OUTPUT_FIELDS: readonly OutputFieldDef[] = [
  { key: 'from_object_type', label: 'From object type' },
  { key: 'from_id', label: 'From record ID' },
  { key: 'to_object_type', label: 'To object type' },
  { key: 'to_id', label: 'To record ID' },
  { key: 'labels', label: 'Labels' },
];

export const SAMPLE_ASSOCIATION = associationPairOutput('contacts', '51', 'companies', '301', [
  'Decision maker',
]);
