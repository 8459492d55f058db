import { FieldValidationError } from '../../hubspot/coerce';
import { paths } from '../../hubspot/paths';
import { declaredEndpoints } from '../endpoints';
import { recordPicker } from '../recordDropdown';
import { recordIdInput } from '../records';
import { input, OBJECT_TYPE, path, type RequestSpec } from '../request';
import { runRequests, runState } from '../runRequests';
import type { InputFieldDef, OperationDef } from '../types';
import { titleCase, withArticle } from '../wording';
import { outputFieldsFor, type RecordOperationConfig, recordType } from './common';

/** The merge as data: one call naming both records. */
export const MERGE_REQUEST: RequestSpec = {
  method: 'POST',
  path: path(paths.objects.merge, OBJECT_TYPE),
  body: {
    primaryObjectId: input('primary_id', { recordId: true }),
    objectIdToMerge: input('merged_id', { recordId: true }),
  },
  output: { kind: 'record' },
};

/**
 * Merges two records of one type into the primary one: `POST /crm/v3/objects/{type}/merge`. The primary keeps its
 * values and takes the other's where it has none; the other record disappears (its id then points to the primary).
 * https://developers.hubspot.com/docs/api/crm/contacts#merge-contacts
 * A merge cannot be undone: https://knowledge.hubspot.com/records/merge-records
 */
export function mergeRecordsOperation(config: RecordOperationConfig): OperationDef {
  const types = recordType(config);
  const type = types.display;
  const noun = type.singular.toLowerCase();
  const idField = (key: string, label: string, helpText: string): InputFieldDef => ({
    key,
    label,
    required: true,
    ...recordPicker(types.ref),
    helpText,
  });
  const primary = idField(
    'primary_id',
    `Primary ${noun} ID`,
    `The ${noun} that remains, with its values kept.`,
  );
  const merged = idField(
    'merged_id',
    `${type.singular} ID to merge into it`,
    `The ${noun} merged into the primary one; its values fill the primary's empty properties, then it is gone.`,
  );
  const def: OperationDef = {
    key: config.key,
    kind: 'create',
    noun: type.singular,
    objectType: types.ref,
    typeWrite: 'merge',
    label: titleCase(`Merge ${type.plural}`),
    description: `Merges ${withArticle(noun)} into another one, which keeps its values and takes the other's where it has none.`,
    warning:
      `A merge cannot be undone: the ${noun} merged into the primary one is gone, and its ID then leads to the ` +
      'primary. Check both IDs first.',
    inputFields: [...types.inputFields, primary, merged],
    outputFields: outputFieldsFor(type),
    sample: config.sample,
    calls: { endpoints: declaredEndpoints([MERGE_REQUEST], type), perRun: '1' },
    requests: [MERGE_REQUEST],
    async perform(ctx) {
      const type = types.resolve(ctx, 'merge');
      const primaryId = recordIdInput(ctx, primary);
      const mergedId = recordIdInput(ctx, merged);
      if (primaryId === mergedId) {
        throw new FieldValidationError(merged.key, merged.label, 'is the same record as the primary one.');
      }
      return runRequests(ctx, [MERGE_REQUEST], runState(type, def));
    },
  };
  return def;
}
