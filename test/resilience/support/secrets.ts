import { format } from 'node:util';

/**
 * Every secret a resilience run hands out (tokens, refresh tokens, the OAuth client secret, the developer API key),
 * and a capture of every console line the run prints (Zapier's `z.console` writes each line to `console.log` before
 * its own log scrubbing, so the capture sees what our code logged, unscrubbed). Values are obviously fake and long,
 * so a hit is never a coincidence.
 */

const secrets = new Map<string, string>();

/** Registers a value that must never appear in a message, an output or a log line. */
export function secret<T extends string>(label: string, value: T): T {
  if (value.length >= 12) secrets.set(value, label);
  return value;
}

/** The labels of the secrets found in these texts (each secret once). */
export function secretsIn(texts: readonly string[]): string[] {
  const found: string[] = [];
  for (const [value, label] of secrets) {
    if (texts.some((t) => t.includes(value))) found.push(label);
  }
  return found;
}

/** Obviously fake, long, unique values (the suffix tells runs apart in a shared sandbox). */
export function fakeSecret(kind: string): string {
  return `fake-${kind}-resilience-${Math.random().toString(36).slice(2, 12)}-0000000000000000`;
}

const METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/**
 * Captures console output from here on (silently); `lines` grows as the run logs. `LOG_TO_STDOUT` makes Zapier's
 * app tester print its own log lines too (one per HTTP call, after Zapier's scrubbing), so the search covers both
 * what our code logged and what Zapier's log shows.
 */
export function captureConsole(): { lines: string[]; restore(): void } {
  const lines: string[] = [];
  const logToStdout = process.env.LOG_TO_STDOUT;
  process.env.LOG_TO_STDOUT = '1';
  const spies = METHODS.map((m) =>
    jest.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      lines.push(format(...args));
    }),
  );
  return {
    lines,
    restore: () => {
      for (const spy of spies) spy.mockRestore();
      if (logToStdout === undefined) delete process.env.LOG_TO_STDOUT;
      else process.env.LOG_TO_STDOUT = logToStdout;
    },
  };
}
