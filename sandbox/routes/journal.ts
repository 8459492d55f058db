import { fail, validationError } from '../errors';
import { JOURNAL_SCOPES, MAX_BATCH_COUNT } from '../facts/webhooksJournal';
import { json, noContent, objectBody, type SandboxRequest, type SandboxResponse } from '../http';
import { FILE_PATH_PREFIX, fetchAnswer, serveFile } from '../journal/files';
import type { Portal } from '../portal';
import type { Router } from '../router';
import type { JournalEntry } from '../state/journal';
import { requireInstalled } from './journalSubscriptions';

/**
 * Reading the webhooks journal, 2026-03
 * (https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/journal-entries/guide): the global
 * journal (`/webhooks-journal/journal/2026-03/...`, every installing portal) and the local one (`journal-local`, one
 * portal by `?installPortalId=`). Each read answers `{currentOffset, url, expiresAt}`; the file behind `url` holds the
 * events (`../journal/files.ts`). Batch reads answer `{status: "COMPLETE", results: [...], startedAt, completedAt}`
 * and are exempt from the standard rate limits (guide, "Batch journal operations"), like every route here.
 * Nothing to read (empty journal, or `next` of the newest entry) answers 204, as HubSpot's sample CLI
 * (sejal27/sej-webhooks-journal) expects at the head of the journal. An offset that expired with the 3-day retention,
 * or never existed, answers 404: "Fails with a 404 if the offset has expired or doesn't exist"
 * (https://developers.hubspot.com/docs/api-reference/2027-03-beta/webhooks-journal/journal-entries/local/get-journal-local-next).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function journalRoutes(router: Router): void {
  const options = { auth: 'app', lane: 'none', scopes: () => [JOURNAL_SCOPES.read] } as const;
  for (const family of ['journal', 'journal-local']) {
    const base = `/webhooks-journal/${family}/2026-03`;
    router.get(`${base}/earliest`, options, (req, portal) => single(req, portal, (e) => e[0]));
    router.get(`${base}/latest`, options, (req, portal) => single(req, portal, (e) => e.at(-1)));
    router.get(`${base}/offset/:offset/next`, options, (req, portal) =>
      single(req, portal, (entries) => entries[after(req, portal, entries)]),
    );
    router.get(`${base}/batch/earliest/:count`, options, (req, portal) =>
      batch(req, portal, (e, n) => e.slice(0, n)),
    );
    router.get(`${base}/batch/latest/:count`, options, (req, portal) =>
      batch(req, portal, (e, n) => e.slice(-n)),
    );
    router.get(`${base}/batch/:offset/next/:count`, options, (req, portal) =>
      batch(req, portal, (entries, n) => {
        const start = after(req, portal, entries);
        return entries.slice(start, start + n);
      }),
    );
    router.post(`${base}/batch/read`, options, batchRead);
  }
  router.get(`${FILE_PATH_PREFIX}/:appId/:offset`, { auth: 'none', lane: 'none' }, serveFile);
}

/** The app's kept entries, all portals or the one `installPortalId` names (which must have installed the app). */
function entriesFor(req: SandboxRequest, portal: Portal): JournalEntry[] {
  const appId = req.auth!.appId;
  const raw = req.query.get('installPortalId');
  if (raw === undefined) return portal.journal.entriesOf(appId, portal.now());
  const portalId = Number(raw);
  if (!Number.isSafeInteger(portalId) || portalId <= 0)
    throw validationError(`installPortalId must be a positive integer; got '${raw}'.`);
  requireInstalled(portal, appId, portalId);
  return portal.journal.entriesOf(appId, portal.now(), portalId);
}

function single(
  req: SandboxRequest,
  portal: Portal,
  pick: (entries: JournalEntry[]) => JournalEntry | undefined,
): SandboxResponse {
  const entry = pick(entriesFor(req, portal));
  return entry ? json(200, fetchAnswer(req, portal, entry)) : noContent();
}

/** The index after the path's `offset` in `entries`; 400 for a malformed offset, 404 for one expired or unknown. */
function after(req: SandboxRequest, portal: Portal, entries: JournalEntry[]): number {
  const offset = req.params.offset ?? '';
  if (!UUID.test(offset))
    throw validationError(`offset must be the currentOffset (a UUID) of a journal entry; got '${offset}'.`);
  const entry = portal.journal.find(offset, portal.now());
  const index = entry ? entries.indexOf(entry) : -1;
  if (index === -1)
    throw fail(
      404,
      `Journal offset ${offset} was not found: it expired (entries are kept 3 days) or does not exist for this app.`,
      'OBJECT_NOT_FOUND',
    );
  return index + 1;
}

function batch(
  req: SandboxRequest,
  portal: Portal,
  pick: (entries: JournalEntry[], count: number) => JournalEntry[],
): SandboxResponse {
  const count = Number(req.params.count);
  if (!Number.isInteger(count) || count < 1 || count > MAX_BATCH_COUNT)
    throw validationError(
      `count must be an integer from 1 to ${MAX_BATCH_COUNT}; got '${req.params.count}'.`,
    );
  const startedAt = new Date(portal.now()).toISOString();
  const results = pick(entriesFor(req, portal), count).map((e) => fetchAnswer(req, portal, e));
  return json(200, {
    status: 'COMPLETE',
    results,
    startedAt,
    completedAt: new Date(portal.now()).toISOString(),
  });
}

/** `POST …/batch/read {inputs: [offset, …]}`: the entries at these offsets; 207 with an error per missing one. */
function batchRead(req: SandboxRequest, portal: Portal): SandboxResponse {
  const inputs = objectBody(req).inputs;
  if (!Array.isArray(inputs) || inputs.length === 0 || inputs.some((i) => typeof i !== 'string'))
    throw validationError('inputs must be a non-empty array of journal offsets (currentOffset strings).');
  if (inputs.length > MAX_BATCH_COUNT)
    throw validationError(`inputs takes at most ${MAX_BATCH_COUNT} offsets.`);
  const startedAt = new Date(portal.now()).toISOString();
  const kept = new Set(entriesFor(req, portal));
  const results = [];
  const missing: string[] = [];
  for (const offset of inputs as string[]) {
    const entry = portal.journal.find(offset, portal.now());
    if (entry && kept.has(entry)) results.push(fetchAnswer(req, portal, entry));
    else missing.push(offset);
  }
  const answer = {
    status: 'COMPLETE',
    results,
    startedAt,
    completedAt: new Date(portal.now()).toISOString(),
  };
  if (missing.length === 0) return json(200, answer);
  return json(207, {
    ...answer,
    numErrors: missing.length,
    errors: missing.map((offset) => ({
      status: 'error',
      category: 'OBJECT_NOT_FOUND',
      message: `Journal offset ${offset} was not found: it expired (entries are kept 3 days) or does not exist.`,
      context: { offsets: [offset] },
    })),
  });
}
