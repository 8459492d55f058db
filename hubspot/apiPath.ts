/**
 * A path the user types for a raw API call (Zapier "API Request", Make "Make an API Call"). It is sent with the
 * user's token, so it must stay a path on the HubSpot API host: https://developers.hubspot.com/docs/api/overview
 * (every endpoint is a path under https://api.hubapi.com). Make requires the same of a universal module: its URL is
 * relative to the app's base URL (https://developers.make.com/custom-apps-documentation/app-components/modules/universal-module).
 * The reasons below are the one wording both platforms use; Make's module checks the same rules in IML
 * (`make/nativeModules.ts`).
 */

export const API_PATH_REASONS = {
  notAPath: 'must be a path on the HubSpot API, such as /crm/v3/objects/contacts, not a full URL.',
  characters: 'must not contain "\\" or "@" (write an @ of an e-mail as %40).',
  dotSegments: 'must not contain "." or ".." segments.',
  controlCharacters: 'must not contain control characters such as line breaks.',
} as const;

export type ApiPathProblem = keyof typeof API_PATH_REASONS;

/**
 * What is wrong with a typed path (trimmed), or undefined. A scheme is recognised as URL parsers do, by a `:` before
 * the first `/` (RFC 3986 §4.2); `//host` is protocol-relative; `\` is read as `/` and `@` ends a user-info part by
 * WHATWG parsers; a dot segment, even percent-encoded, climbs out of the path (RFC 3986 §5.2.4).
 */
export function apiPathProblem(typed: string): ApiPathProblem | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for.
  if (/[\u0000-\u001f\u007f]/.test(typed)) return 'controlCharacters';
  if (typed.split('/')[0]!.includes(':') || typed.startsWith('//')) return 'notAPath';
  if (typed.includes('\\') || typed.includes('@')) return 'characters';
  const segments = typed
    .replace(/%2e/gi, '.')
    .replace(/%2f|%5c/gi, '/')
    .split('/');
  if (segments.some((s) => s === '.' || s === '..')) return 'dotSegments';
  return undefined;
}

/** The path to send: trimmed, with its leading `/` added when the user typed it without one. */
export function apiPath(typed: string): string {
  const path = typed.trim();
  return path.startsWith('/') ? path : `/${path}`;
}
