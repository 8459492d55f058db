import { randomUUID } from 'node:crypto';
import { errorBody, fail, HubSpotError } from '../errors';
import { json, objectBody, type SandboxRequest } from '../http';
import { findByIdProperty } from '../objects/lookup';
import { iso } from '../objects/read';
import { createRecord, updateRecord } from '../objects/write';
import type { Portal } from '../portal';
import type { Router } from '../router';
import type { StoredForm, StoredSubmission } from '../state/forms';

/**
 * Forms: definitions (`/marketing/v3/forms`), the authenticated submission
 * (`POST /submissions/v3/integration/secure/submit/{portalId}/{formGuid}`, served on the forms host, scope `forms`)
 * which creates or updates the contact by e-mail, and the submissions read. HubSpot offers submissions only through
 * Forms **v1** (`GET /form-integrations/v1/submissions/forms/{formGuid}`, newest first, `limit` ≤ 50); the v3 and
 * 2026-09 forms APIs manage definitions only.
 * https://developers.hubspot.com/docs/api/marketing/forms,
 * https://developers.hubspot.com/docs/api-reference/legacy/marketing/forms/v3-legacy/submit-data-authenticated,
 * https://developers.hubspot.com/docs/api-reference/legacy/marketing/forms/v1/get-form-integrations-v1-submissions-forms-form_guid
 */

const scopes = () => ['forms'];
const MAX_SUBMISSIONS_LIMIT = 50;
const MAX_FORMS_LIMIT = 100;

export function formRoutes(router: Router): void {
  router.get('/marketing/v3/forms', { scopes }, (req, portal) => {
    const limit = req.query.int('limit', { fallback: 20, min: 1, max: MAX_FORMS_LIMIT });
    const after = req.query.int('after', { fallback: 0, min: 0 });
    const forms = portal.forms.all().filter((f) => f.archived === req.query.bool('archived'));
    const next = after + limit;
    return json(200, {
      results: forms.slice(after, next).map(formView),
      ...(next < forms.length
        ? { paging: { next: { after: String(next), link: `${req.rawPath}?after=${next}` } } }
        : {}),
    });
  });

  router.get('/marketing/v3/forms/:formId', { scopes }, (req, portal) =>
    json(200, formView(formOf(req, portal))),
  );

  router.post('/submissions/v3/integration/secure/submit/:portalId/:formGuid', { scopes }, (req, portal) => {
    if (req.params.portalId !== String(portal.info.portalId)) throw formNotFound(req.params.formGuid!);
    const form = formOf(req, portal, 'formGuid');
    const body = objectBody(req);
    const values = submittedValues(form, body.fields);
    const now = portal.now();
    const submittedAt = /^\d+$/.test(String(body.submittedAt ?? '')) ? Number(body.submittedAt) : now;
    upsertContact(portal, req, values);
    const context = (body.context ?? {}) as { pageUri?: string };
    portal.forms.addSubmission(form.id, {
      conversionId: randomUUID(),
      submittedAt,
      values,
      ...(context.pageUri ? { pageUrl: context.pageUri } : {}),
    });
    return json(200, { inlineMessage: 'Thanks for submitting the form.' });
  });

  router.get('/form-integrations/v1/submissions/forms/:formGuid', { scopes }, (req, portal) => {
    const form = formOf(req, portal, 'formGuid');
    const limit = req.query.int('limit', { fallback: 20, min: 1, max: MAX_SUBMISSIONS_LIMIT });
    const after = req.query.int('after', { fallback: 0, min: 0 });
    const all = portal.forms.submissionsOf(form.id);
    const next = after + limit;
    return json(200, {
      results: all.slice(after, next).map(submissionView),
      ...(next < all.length
        ? { paging: { next: { after: String(next), link: `${req.rawPath}?after=${next}` } } }
        : {}),
    });
  });
}

function formOf(req: SandboxRequest, portal: Portal, param = 'formId'): StoredForm {
  const form = portal.forms.get(req.params[param]!);
  if (!form || form.archived) throw formNotFound(req.params[param]!);
  return form;
}

// Message: UNVERIFIED.
const formNotFound = (id: string) => fail(404, `Form ${id} does not exist.`, 'OBJECT_NOT_FOUND');

/**
 * Submission errors come as `{status, message: "The request is not valid", errors: [{message, errorType}]}` with
 * error types such as REQUIRED_FIELD, INVALID_EMAIL, FIELD_NOT_IN_FORM_DEFINITION (submit-data docs).
 */
function invalidSubmission(errors: Array<{ message: string; errorType: string }>): HubSpotError {
  return new HubSpotError(400, errorBody('The request is not valid', undefined, { errors }));
}

function submittedValues(form: StoredForm, raw: unknown): StoredSubmission['values'] {
  if (!Array.isArray(raw))
    throw invalidSubmission([{ message: 'fields is required.', errorType: 'INVALID_METADATA' }]);
  const errors: Array<{ message: string; errorType: string }> = [];
  const values: StoredSubmission['values'] = [];
  for (const entry of raw as Array<Record<string, unknown>>) {
    const name = String(entry?.name ?? '');
    const value = entry?.value === undefined || entry?.value === null ? '' : String(entry.value);
    const field = form.fields.find((f) => f.name === name);
    if (!field) {
      errors.push({
        message: `Error in 'fields.${name}'. Field not in form definition.`,
        errorType: 'FIELD_NOT_IN_FORM_DEFINITION',
      });
      continue;
    }
    if (field.fieldType === 'email' && value && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) {
      errors.push({
        message: `Error in 'fields.${name}'. Invalid email address`,
        errorType: 'INVALID_EMAIL',
      });
    }
    values.push({ name, value, objectTypeId: field.objectTypeId });
  }
  for (const field of form.fields.filter((f) => f.required)) {
    if (!values.some((v) => v.name === field.name && v.value !== '')) {
      errors.push({
        message: `Error in 'fields.${field.name}'. Required field '${field.name}' is missing`,
        errorType: 'REQUIRED_FIELD',
      });
    }
  }
  if (errors.length > 0) throw invalidSubmission(errors);
  return values;
}

/** A submission creates the contact with that e-mail, or updates it. */
function upsertContact(portal: Portal, req: SandboxRequest, values: StoredSubmission['values']): void {
  const type = portal.objectTypes.resolve('contacts');
  // Fields that are not contact properties (a free-text message) stay on the submission only.
  const properties = Object.fromEntries(
    values
      .filter((v) => v.objectTypeId === '0-1' && v.value !== '' && portal.properties.get(type, v.name))
      .map((v) => [v.name, v.value]),
  );
  const email = properties.email;
  if (!email) return;
  const existing = findByIdProperty(portal, type, 'email', email);
  if (existing) updateRecord(portal, type, existing.id, { properties }, req.auth);
  else createRecord(portal, type, { properties }, req.auth);
}

function formView(form: StoredForm) {
  return {
    id: form.id,
    name: form.name,
    formType: form.formType,
    createdAt: iso(form.createdAt),
    updatedAt: iso(form.updatedAt),
    archived: form.archived,
    fieldGroups: [{ groupType: 'default_group', richTextType: 'text', fields: form.fields }],
    configuration: { language: 'en', createNewContactForNewEmail: false },
  };
}

function submissionView(s: StoredSubmission) {
  return {
    conversionId: s.conversionId,
    submittedAt: s.submittedAt,
    values: s.values.map(({ name, value, objectTypeId }) => ({ name, value, objectTypeId })),
    ...(s.pageUrl ? { pageUrl: s.pageUrl } : {}),
  };
}
