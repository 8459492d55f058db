import { cell } from './recorder';

/**
 * The last cell of a Zapier file: every console line the file's run printed (our logger through `z.console`, and
 * Zapier's own log with LOG_TO_STDOUT) searched for every secret handed out. It also checks the capture worked:
 * Zapier logs one line per HTTP call, so a run without such a line captured nothing.
 */
export function logCell(what: string, logs: () => { lines: string[] }): void {
  cell('secrets (every log line)', 'Zapier', `all console output of ${what}`, async (c) => {
    const { lines } = logs();
    c.check(
      lines.some((l) => /https?:\/\/127\.0\.0\.1:\d+\//.test(l)),
      'no Zapier HTTP log line was captured (the capture is broken)',
    );
    c.see(...lines);
  });
}
