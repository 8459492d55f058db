import type { OperationDef } from './types';

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
  label: `List ${noun}s`,
  description: `Lists ${noun.toLowerCase()}s for a dropdown.`,
  inputFields: [],
  outputFields: [
    { key: 'id', label: 'ID' },
    { key: 'label', label: 'Label' },
  ],
  sample: options.sample ?? { id: 'email', label: 'Email' },
  calls: { endpoints: [endpoint], perRun: options.perRun ?? '1' },
  perform,
});
