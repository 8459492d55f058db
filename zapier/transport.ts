import type { ZObject } from 'zapier-platform-core';
import { encodeBody, makeResponse, NetworkError, type Transport } from '../hubspot/transport';

/**
 * The HubSpot core's transport inside Zapier: `z.request`, so Zapier logs every call and censors the token.
 * Statuses are handed back untouched (`skipThrowForStatus`, and 429s reach us instead of Zapier's generic
 * ThrottledError) because the core's error table decides what each one means. A 401 on OAuth still becomes Zapier's
 * RefreshAuthError inside `z.request` (autoRefresh), which is what we want: Zapier refreshes and retries the step.
 */
export function zapierTransport(z: ZObject): Transport {
  return async (req) => {
    const { body, contentType } = encodeBody(req);
    const headers = { ...req.headers, ...(contentType ? { 'content-type': contentType } : {}) };
    let response: Awaited<ReturnType<ZObject['request']>>;
    try {
      response = await z.request({
        url: req.url,
        method: req.method,
        headers,
        body: body as string | undefined,
        timeout: req.timeoutMs,
        skipThrowForStatus: true,
        throwForThrottlingEarly: false,
      } as Parameters<ZObject['request']>[0]);
    } catch (error) {
      if (isZapierControlError(error)) throw error;
      throw new NetworkError(
        'connection',
        'The connection to HubSpot failed before a response arrived.',
        error,
      );
    }
    return makeResponse(response.status, headerEntries(response.headers), response.content);
  };
}

/** Errors Zapier itself raises inside `z.request` that must reach the platform unchanged. */
function isZapierControlError(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return name === 'RefreshAuthError' || name === 'ExpiredAuthError' || name === 'ThrottledError';
}

function headerEntries(headers: unknown): Iterable<[string, string]> {
  if (headers && typeof (headers as Headers).entries === 'function') return (headers as Headers).entries();
  return Object.entries((headers ?? {}) as Record<string, string>);
}
