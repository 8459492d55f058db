/**
 * Structured logging with secrets removed. Takes any `(message, data)` function (`z.console.log` in Zapier,
 * `console.log` elsewhere). Never logs request bodies; URLs are logged with tokens removed.
 */

export type LogFn = (message: string, data?: Record<string, unknown>) => void;

const SECRET_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/Bearer\s+[^\s",]+/gi, 'Bearer [redacted]'],
  [/\bpat-[a-z0-9]+-[A-Za-z0-9-]{8,}/g, '[redacted-token]'],
  [/((?:access_token|refresh_token|client_secret|code|hapikey|token)=)[^&\s"]+/gi, '$1[redacted]'],
  [/(\/oauth\/v\d+\/(?:access|refresh)-tokens\/)[^/?\s"]+/gi, '$1[redacted]'],
];

/** Removes known secret values and anything shaped like a token. */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 6) out = out.split(secret).join('[redacted]');
  }
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

export interface StructuredLogger {
  event(name: string, fields: Record<string, unknown>): void;
}

/** A logger that redacts every string field; `secrets()` is asked at log time (the token may be refreshed). */
export function structuredLogger(
  log: LogFn | undefined,
  secrets: () => readonly (string | undefined)[] = () => [],
): StructuredLogger {
  return {
    event(name, fields) {
      if (!log) return;
      const known = secrets();
      const clean: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(fields)) {
        clean[key] = typeof value === 'string' ? redact(value, known) : value;
      }
      log(`hubspot ${name}`, clean);
    },
  };
}
