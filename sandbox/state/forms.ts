/**
 * Marketing forms (`/marketing/v3/forms`) and the submissions they received (read through the v1 submissions API).
 * https://developers.hubspot.com/docs/api/marketing/forms
 */

export interface FormField {
  objectTypeId: string;
  name: string;
  label: string;
  required: boolean;
  hidden: boolean;
  fieldType: 'email' | 'single_line_text' | 'multi_line_text' | 'phone' | 'number';
}

export interface StoredForm {
  id: string;
  name: string;
  formType: 'hubspot';
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  fields: FormField[];
}

export interface StoredSubmission {
  conversionId: string;
  submittedAt: number;
  values: Array<{ name: string; value: string; objectTypeId: string }>;
  pageUrl?: string;
}

/** A fixed instant, so the seeded forms answer the same on every run. */
const SEEDED_AT = Date.UTC(2024, 0, 2, 9, 0, 0);

const field = (
  name: string,
  label: string,
  fieldType: FormField['fieldType'],
  required = false,
): FormField => ({ objectTypeId: '0-1', name, label, required, hidden: false, fieldType });

/** Two forms every portal starts with: a contact form and a newsletter signup. */
export const SEEDED_FORMS: readonly StoredForm[] = [
  {
    id: '5f1e9c2a-3b4d-4e6f-8a9b-0c1d2e3f4a5b',
    name: 'Contact us',
    formType: 'hubspot',
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
    archived: false,
    fields: [
      field('email', 'Email', 'email', true),
      field('firstname', 'First name', 'single_line_text'),
      field('lastname', 'Last name', 'single_line_text'),
      field('message', 'Message', 'multi_line_text'),
    ],
  },
  {
    id: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
    name: 'Newsletter signup',
    formType: 'hubspot',
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
    archived: false,
    fields: [field('email', 'Email', 'email', true), field('firstname', 'First name', 'single_line_text')],
  },
];

export class FormStore {
  private readonly forms = new Map<string, StoredForm>(SEEDED_FORMS.map((f) => [f.id, structuredClone(f)]));
  /** formId → submissions, oldest first. */
  private readonly submissions = new Map<string, StoredSubmission[]>();

  all(): StoredForm[] {
    return [...this.forms.values()];
  }

  get(id: string): StoredForm | undefined {
    return this.forms.get(id);
  }

  /** Adds a form (tests and seeds; the sandbox serves no form-editing API). */
  add(form: StoredForm): void {
    this.forms.set(form.id, structuredClone(form));
  }

  addSubmission(formId: string, submission: StoredSubmission): void {
    const list = this.submissions.get(formId) ?? [];
    list.push(submission);
    this.submissions.set(formId, list);
  }

  /** Newest first, as HubSpot answers. */
  submissionsOf(formId: string): StoredSubmission[] {
    return [...(this.submissions.get(formId) ?? [])].reverse();
  }

  toJSON() {
    return { forms: this.all(), submissions: [...this.submissions] };
  }

  load(state: ReturnType<FormStore['toJSON']> | undefined): void {
    if (!state) return;
    for (const f of state.forms) this.forms.set(f.id, f);
    for (const [id, list] of state.submissions) this.submissions.set(id, list);
  }
}
