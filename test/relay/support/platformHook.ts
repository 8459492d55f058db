import type { HookCall } from './hook';

/**
 * A request the relay made to the local hook, handed to a platform the way it hands it on:
 * Zapier gives `perform` `bundle.rawRequest` (body as sent, headers with an `Http-` prefix, zapier-platform#290)
 * and `bundle.cleanedRequest` (the parsed body), https://docs.zapier.com/platform/build/cli-hook-trigger;
 * Make's webhook sees the parsed `body` and the `headers`.
 */
export function asZapierRequest(call: HookCall) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(call.headers)) {
    if (value === undefined) continue;
    const title = name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
    headers[`Http-${title}`] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    rawRequest: { method: 'POST', headers, content: call.body, querystring: '' },
    cleanedRequest: JSON.parse(call.body) as unknown,
  };
}

export function asMakeRequest(call: HookCall) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(call.headers))
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return { body: JSON.parse(call.body) as unknown, headers, method: 'POST' };
}
