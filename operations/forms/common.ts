import type { InputFieldDef } from '../types';

export const formField: InputFieldDef = {
  key: 'form_id',
  label: 'Form',
  required: true,
  dropdown: { kind: 'forms' },
  helpText: 'A form of the account; the submission is recorded on it as if sent from the page.',
};

export interface FormSubmission {
  conversionId: string;
  submittedAt: number;
  values: Array<{ name: string; value: string }>;
  pageUrl?: string;
}
