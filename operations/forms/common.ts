import type { InputFieldDef } from '../types';

export const formField: InputFieldDef = {
  key: 'form_id',
  label: 'Form',
  required: true,
  dropdown: { kind: 'forms' },
};

export interface FormSubmission {
  conversionId: string;
  submittedAt: number;
  values: Array<{ name: string; value: string }>;
  pageUrl?: string;
}
