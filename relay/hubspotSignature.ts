import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks HubSpot's v3 request signature
 * (https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation):
 * `X-HubSpot-Signature-v3` = base64(HMAC-SHA256(client secret, method + URI + body + timestamp)), where the URI is
 * the full URL HubSpot called and `X-HubSpot-Request-Timestamp` is in ms; a request older than 5 minutes is refused.
 */

export const MAX_SIGNATURE_AGE_MS = 5 * 60_000;

/** Escapes HubSpot decodes in the URI before signing (the table in the page above). */
const DECODED_ESCAPES: Readonly<Record<string, string>> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

function signedUri(uri: string): string {
  return uri.replace(
    /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi,
    (m) => DECODED_ESCAPES[m.toUpperCase()] ?? m,
  );
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export function verifyHubSpotSignature(input: {
  clientSecret: string;
  method: string;
  uri: string;
  body: string;
  signature: string | undefined;
  timestamp: string | undefined;
  nowMs: number;
}): SignatureCheck {
  if (!input.signature || !input.timestamp) {
    return { ok: false, reason: 'X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp are required' };
  }
  const ts = Number(input.timestamp);
  if (!Number.isSafeInteger(ts)) {
    return { ok: false, reason: 'X-HubSpot-Request-Timestamp must be a time in milliseconds' };
  }
  // Older than 5 minutes is HubSpot's rule; a stamp from the future past the same margin is as suspect.
  if (Math.abs(input.nowMs - ts) > MAX_SIGNATURE_AGE_MS) {
    return { ok: false, reason: 'X-HubSpot-Request-Timestamp is more than 5 minutes old' };
  }
  const expected = createHmac('sha256', input.clientSecret)
    .update(`${input.method.toUpperCase()}${signedUri(input.uri)}${input.body}${input.timestamp}`)
    .digest();
  const given = Buffer.from(input.signature, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'X-HubSpot-Signature-v3 does not match the request' };
  }
  return { ok: true };
}
