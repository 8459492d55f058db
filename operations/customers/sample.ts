import type { OperationResult, OutputFieldDef } from '../types';

/** What "Sync Customer" outputs: the contact, the company and the note it wrote or found. */
export const SYNC_OUTPUT_FIELDS: readonly OutputFieldDef[] = [
  { key: 'id', label: 'Contact ID' },
  { key: 'contact_id', label: 'Contact ID (again, beside the company ID)' },
  { key: 'contact_created', label: 'Contact created', type: 'boolean' },
  { key: 'email', label: 'E-mail' },
  { key: 'firstname', label: 'First name' },
  { key: 'lastname', label: 'Last name' },
  { key: 'company_id', label: 'Company ID' },
  { key: 'company_created', label: 'Company created', type: 'boolean' },
  { key: 'company_domain', label: 'Company domain' },
  { key: 'company_name', label: 'Company name' },
  { key: 'note_id', label: 'Note ID' },
];

export const SAMPLE_SYNC: OperationResult = {
  id: '51',
  contact_id: '51',
  contact_created: true,
  email: 'ada@analytical-engines.example',
  firstname: 'Ada',
  lastname: 'Lovelace',
  company_id: '8001',
  company_created: false,
  company_domain: 'analytical-engines.example',
  company_name: 'Analytical Engines',
  note_id: '9001',
};
