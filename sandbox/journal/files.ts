import { createHmac, timingSafeEqual } from 'node:crypto';
import { FILE_URL_TTL_MS } from '../facts/webhooksJournal';
import type { SandboxRequest, SandboxResponse } from '../http';
import type { Portal } from '../portal';
import type { JournalEntry } from '../state/journal';

/**
 * The journal's files. HubSpot answers a read with "a temporary, pre-signed URL for downloading this entry's JSON
 * file. Request it without an Authorization header" (https://developers.hubspot.com/docs/api-reference/2027-03-beta/webhooks-journal/journal-entries/local/get-journal-local-next),
 * an S3 URL in the guide's examples. The sandbox serves the file itself at `/journal-files/{appId}/{offset}` with an
 * expiry and an HMAC in the query, and refuses as S3 does, with a 403 XML body
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html): `AccessDenied` once expired,
 * `SignatureDoesNotMatch` for a wrong signature, 404 `NoSuchKey` for an entry gone with the retention.
 */

export const FILE_PATH_PREFIX = '/journal-files';

export interface FetchAnswer {
  currentOffset: string;
  url: string;
  expiresAt: string;
}

/** `{currentOffset, url, expiresAt}` for one entry, with a URL on the host the caller reached the sandbox by. */
export function fetchAnswer(req: SandboxRequest, portal: Portal, entry: JournalEntry): FetchAnswer {
  const expires = portal.now() + FILE_URL_TTL_MS;
  const origin = `http://${req.headers.host ?? 'sandbox.local'}`;
  const query = new URLSearchParams({
    'X-Sandbox-Expires': String(expires),
    'X-Sandbox-Signature': signature(portal, entry.appId, entry.offset, expires),
  });
  return {
    currentOffset: entry.offset,
    url: `${origin}${FILE_PATH_PREFIX}/${entry.appId}/${entry.offset}?${query}`,
    expiresAt: new Date(expires).toISOString(),
  };
}

/** `GET /journal-files/{appId}/{offset}`: no Authorization, the query's signature and expiry are the credential. */
export function serveFile(req: SandboxRequest, portal: Portal): SandboxResponse {
  const appId = Number(req.params.appId);
  const offset = req.params.offset ?? '';
  const expires = Number(req.query.get('X-Sandbox-Expires'));
  const given = req.query.get('X-Sandbox-Signature') ?? '';
  if (!Number.isFinite(expires) || !sameSignature(given, signature(portal, appId, offset, expires)))
    return s3Error(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
    );
  if (portal.now() > expires) return s3Error(403, 'AccessDenied', 'Request has expired');
  const entry = portal.journal.find(offset, portal.now());
  if (!entry || entry.appId !== appId) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    raw: JSON.stringify({
      offset: entry.offset,
      portalId: entry.portalId,
      publishedAt: new Date(entry.publishedAt).toISOString(),
      journalEvents: entry.events,
    }),
  };
}

function signature(portal: Portal, appId: number, offset: string, expires: number): string {
  return createHmac('sha256', portal.journal.fileSecret)
    .update(`${appId}:${offset}:${expires}`)
    .digest('hex');
}

function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function s3Error(status: number, code: string, message: string): SandboxResponse {
  return {
    status,
    headers: { 'content-type': 'application/xml' },
    raw: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  };
}
