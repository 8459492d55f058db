import { FieldValidationError } from '../../hubspot/coerce';
import { formsSecureSubmitUrl, paths } from '../../hubspot/paths';
import { segmentValue } from '../records';
import type { OperationContext, OperationDef } from '../types';
import { formField } from './common';

/**
 * Submits data to a HubSpot form through the authenticated endpoint
 * (`POST https://api.hsforms.com/submissions/v3/integration/secure/submit/{portalId}/{formGuid}`, scope `forms`,
 * standard rate limits rather than the public endpoint's 50 per 10 s). HubSpot creates or updates the contact by
 * e-mail and records the submission.
 * https://developers.hubspot.com/docs/api-reference/legacy/marketing/forms/v3-legacy/submit-data-authenticated
 */
export const submitForm: OperationDef = {
  key: 'submit_form',
  kind: 'create',
  noun: 'Form Submission',
  label: 'Submit Form',
  description: 'Submits data to a form, creating or updating the contact as a real submission would.',
  inputFields: [
    formField,
    {
      key: 'fields',
      label: 'Fields',
      type: 'json',
      required: true,
      helpText:
        'A JSON object of form field names to values, e.g. {"email": "ada@example.com", "firstname": "Ada"}.',
    },
    { key: 'page_uri', label: 'Page URL', helpText: 'The page the form was submitted on, for attribution.' },
    { key: 'page_name', label: 'Page name', helpText: 'The title of that page, for attribution.' },
  ],
  outputFields: [
    { key: 'form_id', label: 'Form ID' },
    { key: 'inlineMessage', label: 'Thank-you message' },
    { key: 'redirectUri', label: 'Redirect URL' },
  ],
  sample: {
    form_id: '5f1e9c2a-3b4d-4e6f-8a9b-0c1d2e3f4a5b',
    inlineMessage: 'Thanks for submitting the form.',
  },
  code: {
    reason:
      "The portal id comes from the account details, read once per Zap and kept in state, and the mapped fields become HubSpot's list of {objectTypeId, name, value}; neither the kept value nor that reshaping is declared.",
  },
  calls: {
    endpoints: [
      `GET ${paths.account.details()}`,
      'POST /submissions/v3/integration/secure/submit/{portalId}/{formGuid}',
    ],
    perRun: '1 (+1 the first time a Zap runs, to read the portal id)',
  },
  async perform(ctx) {
    const formId = String(ctx.input.form_id ?? '').trim();
    if (!formId) throw new FieldValidationError('form_id', 'Form', 'is required.');
    segmentValue(formId, formField);
    const fields = submittedFields(ctx);
    const portalId = await portalIdOf(ctx);
    const { status, data } = await ctx.api.request<{
      inlineMessage?: string;
      redirectUri?: string;
      errors?: Array<{ message?: string }>;
    }>({
      method: 'POST',
      url: formsSecureSubmitUrl(portalId, formId),
      json: {
        fields: Object.entries(fields).map(([name, value]) => ({ objectTypeId: '0-1', name, value })),
        submittedAt: String(ctx.now()),
        ...(ctx.input.page_uri || ctx.input.page_name
          ? {
              context: {
                pageUri: ctx.input.page_uri || undefined,
                pageName: ctx.input.page_name || undefined,
              },
            }
          : {}),
      },
      // HubSpot lists each refused field in `errors` ("Error in 'fields.email'. Required field…"): name them.
      acceptStatuses: [400],
    });
    if (status === 400) {
      const reasons = (data.errors ?? []).map((e) => e.message).filter(Boolean);
      throw new FieldValidationError(
        'fields',
        'Fields',
        `were refused by the form: ${reasons.join(' ') || 'invalid submission.'}`,
      );
    }
    return { form_id: formId, ...data };
  },
};

function submittedFields(ctx: OperationContext): Record<string, string> {
  let raw = ctx.input.fields;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      throw new FieldValidationError('fields', 'Fields', 'must be a JSON object of field names to values.');
    }
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || Object.keys(raw).length === 0) {
    throw new FieldValidationError('fields', 'Fields', 'must be a JSON object of field names to values.');
  }
  return Object.fromEntries(
    Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k, v == null ? '' : String(v)]),
  );
}

/** The portal id comes from the connection (Zapier's hub_id) or, failing that, from the account-info API. */
async function portalIdOf(ctx: OperationContext): Promise<string> {
  const known = ctx.input.portal_id;
  if (known) return String(known);
  const { data } = await ctx.api.request<{ portalId: number }>({
    method: 'GET',
    path: '/account-info/v3/details',
  });
  return String(data.portalId);
}
