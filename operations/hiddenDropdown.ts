import type { OperationDef } from './types';
import { plural, titleCase } from './wording';

/** A hidden operation that fills one dropdown with `{id, label}` items. */
export const dropdown = (
  key: string,
  noun: string,
  perform: OperationDef['perform'],
  endpoint: string,
  options: { sample?: OperationDef['sample']; perRun?: string } = {},
): OperationDef => ({
  key,
  kind: 'trigger',
  hidden: true,
  noun,
  label: titleCase(`List ${plural(noun)}`),
  description: `Lists ${plural(noun).toLowerCase()} for a dropdown.`,
  inputFields: [],
  outputFields: [
    { key: 'id', label: 'ID' },
    { key: 'label', label: 'Label' },
  ],
  sample: options.sample ?? { id: 'email', label: 'Email' },
  calls: { endpoints: [endpoint], perRun: options.perRun ?? '1' },
  perform,
});
