import { paths } from '../../hubspot/paths';
import type { OperationContext, OperationDef, OperationResult } from '../types';
import type { FormSubmission } from './common';

/**
 * Fires once per form submission, for one or several forms, with a watermark per form so a busy form never hides
 * another's submissions. HubSpot exposes submissions only through Forms v1
 * (`GET /form-integrations/v1/submissions/forms/{formGuid}`, newest first, ≤ 50 a page); the v3 and dated forms APIs
 * have no submissions read, so v1 is the only choice.
 * https://developers.hubspot.com/docs/api-reference/legacy/marketing/forms/v1/get-form-integrations-v1-submissions-forms-form_guid
 */

const SUBMISSIONS_PAGE = 50;
/** Pages read per form and poll; a form with more new submissions than this logs it (see the report). */
const MAX_PAGES_PER_FORM = 20;

/** Per form: the newest submittedAt emitted, and the conversion ids at that millisecond. */
interface FormWatermark {
  at: number;
  idsAt: string[];
}

interface FormsPage {
  results: Array<{ id: string; name: string }>;
  paging?: { next?: { after: string } };
}

export const newFormSubmission: OperationDef = {
  key: 'new_form_submission',
  kind: 'trigger',
  noun: 'Form Submission',
  label: 'New Form Submission',
  description: 'Triggers when a HubSpot form is submitted (one form, several, or all).',
  inputFields: [
    {
      key: 'form_ids',
      label: 'Forms',
      list: true,
      dropdown: { kind: 'forms' },
      helpText: 'Leave empty to watch every form of the account.',
    },
  ],
  outputFields: [
    { key: 'id', label: 'Conversion ID' },
    { key: 'form_id', label: 'Form ID' },
    { key: 'submitted_at', label: 'Submitted at', type: 'datetime' },
    { key: 'page_url', label: 'Page URL' },
    { key: 'values__email', label: 'Email' },
  ],
  sample: {
    id: 'b5f6c1de-4a51-4a41-9e34-0f6b1d2f1a10',
    form_id: '5f1e9c2a-3b4d-4e6f-8a9b-0c1d2e3f4a5b',
    submitted_at: '2026-01-05T09:00:00.000Z',
    page_url: 'https://www.example.com/contact',
    values: { email: 'ada.lovelace@example.com', firstname: 'Ada' },
  },
  calls: {
    endpoints: [`GET ${paths.forms.list()}`, `GET ${paths.forms.submissions('{formGuid}')}`],
    perRun: '1 per watched form when idle (+1 to list forms when none is chosen); +1 per 50 new submissions',
  },
  async perform(ctx) {
    const formIds = await watchedForms(ctx);
    const out: OperationResult[] = [];
    for (const formId of formIds) out.push(...(await pollForm(ctx, formId)));
    return out.sort((a, b) => Date.parse(String(b.submitted_at)) - Date.parse(String(a.submitted_at)));
  },
};

async function watchedForms(ctx: OperationContext): Promise<string[]> {
  const raw = ctx.input.form_ids;
  const chosen = (Array.isArray(raw) ? raw : raw ? String(raw).split(',') : [])
    .map((v) => String(v).trim())
    .filter(Boolean);
  if (chosen.length > 0) return chosen;
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const { data } = await ctx.api.request<FormsPage>({
      method: 'GET',
      path: paths.forms.list(),
      query: { limit: 100, after },
    });
    ids.push(...data.results.map((f) => f.id));
    after = data.paging?.next?.after;
  } while (after);
  return ids;
}

async function pollForm(ctx: OperationContext, formId: string): Promise<OperationResult[]> {
  const key = `form:${formId}`;
  const stored = ctx.isLoadingSample ? undefined : await ctx.state.get<FormWatermark>(key);
  const fresh: FormSubmission[] = [];
  let after: string | undefined;
  let pages = 0;
  let reachedWatermark = false;
  do {
    const { data } = await ctx.api.request<{
      results: FormSubmission[];
      paging?: { next?: { after: string } };
    }>({
      method: 'GET',
      path: paths.forms.submissions(formId),
      query: { limit: stored ? SUBMISSIONS_PAGE : 3, after },
    });
    for (const s of data.results) {
      if (
        stored &&
        (s.submittedAt < stored.at || (s.submittedAt === stored.at && stored.idsAt.includes(s.conversionId)))
      ) {
        reachedWatermark = true;
        break;
      }
      fresh.push(s);
    }
    after = data.paging?.next?.after;
    pages++;
  } while (stored && !reachedWatermark && after && pages < MAX_PAGES_PER_FORM);
  if (stored && !reachedWatermark && after) {
    ctx.log('Form has more new submissions than one poll reads; the oldest were skipped.', { formId, pages });
  }
  const newest = fresh[0];
  if (!ctx.isLoadingSample && newest) {
    const idsAt = fresh.filter((s) => s.submittedAt === newest.submittedAt).map((s) => s.conversionId);
    const keep = stored && stored.at === newest.submittedAt ? [...stored.idsAt, ...idsAt] : idsAt;
    await ctx.state.set<FormWatermark>(key, { at: newest.submittedAt, idsAt: keep });
  } else if (!ctx.isLoadingSample && !stored) {
    await ctx.state.set<FormWatermark>(key, { at: 0, idsAt: [] });
  }
  return fresh.map((s) => ({
    id: s.conversionId,
    form_id: formId,
    submitted_at: new Date(s.submittedAt).toISOString(),
    page_url: s.pageUrl ?? null,
    values: Object.fromEntries(s.values.map((v) => [v.name, v.value])),
  }));
}
