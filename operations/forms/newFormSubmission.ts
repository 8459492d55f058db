import { paths } from '../../hubspot/paths';
import { MAX_ITEMS_PER_POLL } from '../polling';
import { listInput, segmentValue } from '../records';
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
/**
 * Submissions emitted per poll, all forms together (Zapier's 100 new items a poll, `polling.ts`). A bigger backlog is
 * emitted oldest first over the next polls: each form's watermark moves only as far as what was emitted, and the
 * next poll starts with the form after the last one read, so one busy form cannot starve the others.
 */
const MAX_SUBMISSIONS_PER_POLL = MAX_ITEMS_PER_POLL;
/**
 * Pages read per form and poll while looking for the watermark (newest first, so the oldest new submissions come
 * last). Past this, submissions older than the last page read cannot be reached in one step's time; that is logged.
 */
const MAX_PAGES_PER_FORM = 100;

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
  description: 'Triggers when a form is submitted (one form, several, or all).',
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
  code: {
    reason:
      'Watches several forms (or all), one request per form, in turns kept in staged per-Zap state with a watermark per form; a declaration is one request.',
  },
  calls: {
    endpoints: [`GET ${paths.forms.list()}`, `GET ${paths.forms.submissions('{formGuid}')}`],
    perRun:
      '1 per watched form when idle, at most 20 forms a poll (more take turns; +1 to list forms when none is chosen); +1 per 50 new submissions; at most 100 submissions a poll, the rest on the next polls',
  },
  async perform(ctx) {
    const since = await zapStart(ctx);
    const out: OperationResult[] = [];
    let lastRead: string | undefined;
    for (const formId of await formsThisPoll(ctx)) {
      if (out.length >= MAX_SUBMISSIONS_PER_POLL) break;
      out.push(...(await pollForm(ctx, formId, since, MAX_SUBMISSIONS_PER_POLL - out.length)));
      lastRead = formId;
    }
    if (lastRead !== undefined && !ctx.isLoadingSample) await ctx.state.set('forms:last', lastRead);
    return out.sort((a, b) => Date.parse(String(b.submitted_at)) - Date.parse(String(a.submitted_at)));
  },
};

/**
 * Forms read per poll. Each watched form costs a call per poll, and a Zap watching "every form" of a portal with
 * hundreds would spend a share of the portal's daily quota every minute; beyond this many, the forms take turns
 * (their watermarks keep every submission for their turn).
 */
export const MAX_FORMS_PER_POLL = 20;
/** Submissions this much older than the Zap's first poll count as before it (clock skew between Zapier and HubSpot). */
const ZAP_START_MARGIN_MS = 5 * 60_000;

/**
 * When the Zap started watching, in epoch ms: a form read for the first time after that (its turn came, or it was
 * created later) emits what was submitted since, not only what comes after its first read.
 */
async function zapStart(ctx: OperationContext): Promise<number> {
  if (ctx.isLoadingSample) return 0;
  const stored = await ctx.state.get<number>('forms:since');
  if (stored !== undefined) return stored;
  const since = ctx.now() - ZAP_START_MARGIN_MS;
  await ctx.state.set('forms:since', since);
  return since;
}

/** The watched forms whose turn it is: up to MAX_FORMS_PER_POLL, starting after the last form the Zap read. */
async function formsThisPoll(ctx: OperationContext): Promise<string[]> {
  const all = [...new Set(await watchedForms(ctx))].sort();
  if (ctx.isLoadingSample) return all.slice(0, MAX_FORMS_PER_POLL);
  const last = await ctx.state.get<string>('forms:last');
  const start = last === undefined ? 0 : all.findIndex((id) => id > last);
  const from = Math.max(start, 0);
  return [...all.slice(from), ...all.slice(0, from)].slice(0, MAX_FORMS_PER_POLL);
}

async function watchedForms(ctx: OperationContext): Promise<string[]> {
  const chosen = listInput(ctx.input, 'form_ids');
  if (chosen.length > 0) return chosen.map((id) => segmentValue(id, { key: 'form_ids', label: 'Forms' }));
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

async function pollForm(
  ctx: OperationContext,
  formId: string,
  since: number,
  budget: number,
): Promise<OperationResult[]> {
  const key = `form:${formId}`;
  const stored = ctx.isLoadingSample
    ? undefined
    : ((await ctx.state.get<FormWatermark>(key)) ?? { at: since, idsAt: [] });
  const unseen = await readUntilWatermark(ctx, formId, stored);
  // Newest first; when the backlog is bigger than one poll, emit its oldest part and leave the rest for the next.
  const fresh = stored ? unseen.slice(-budget) : unseen;
  if (stored) {
    const next = nextWatermark(stored, fresh);
    if (next) await ctx.state.set<FormWatermark>(key, next);
  }
  return fresh.map((s) => ({
    id: s.conversionId,
    form_id: formId,
    submitted_at: new Date(s.submittedAt).toISOString(),
    page_url: s.pageUrl ?? null,
    values: Object.fromEntries(s.values.map((v) => [v.name, v.value])),
  }));
}

/**
 * The submissions newer than the watermark, newest first. Submissions at the watermark's millisecond that were not
 * emitted yet count as new (several can share a millisecond). Without a watermark (a sample) one small page.
 */
async function readUntilWatermark(
  ctx: OperationContext,
  formId: string,
  stored: FormWatermark | undefined,
): Promise<FormSubmission[]> {
  const unseen: FormSubmission[] = [];
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
      if (stored && s.submittedAt < stored.at) {
        reachedWatermark = true;
        break;
      }
      if (stored && s.submittedAt === stored.at && stored.idsAt.includes(s.conversionId)) continue;
      unseen.push(s);
    }
    after = data.paging?.next?.after;
    pages++;
  } while (stored && !reachedWatermark && after && pages < MAX_PAGES_PER_FORM);
  if (stored && !reachedWatermark && after) {
    ctx.log(
      'Form has more new submissions than one poll can read; those older than the last page are unreachable.',
      {
        formId,
        pages,
        read: unseen.length,
      },
    );
  }
  return unseen;
}

/** Where the next poll of a form starts; undefined when it stays where it was. `emitted` is newest first. */
function nextWatermark(stored: FormWatermark, emitted: FormSubmission[]): FormWatermark | undefined {
  const newest = emitted[0];
  if (!newest) return undefined;
  const idsAt = emitted.filter((s) => s.submittedAt === newest.submittedAt).map((s) => s.conversionId);
  return {
    at: newest.submittedAt,
    idsAt: stored.at === newest.submittedAt ? [...stored.idsAt, ...idsAt] : idsAt,
  };
}
