/** One measured scenario of `npm run bench:calls`: the HubSpot calls it spent beside the most it should spend. */
export interface CallsRow {
  scenario: string;
  calls: number;
  /** Calls HubSpot answered 429: the connector paces itself, so any is a miss (and marks the row). */
  throttled: number;
  /** The target in calls; a row above it is marked. */
  max: number;
  /** How the target is reached, as printed. */
  target: string;
  detail: string;
  /** A condition of the target other than the count (e.g. no run failed); false marks the row too. */
  met?: boolean;
}

export const OVER = 'OVER TARGET';

export const isOver = (row: CallsRow) => row.calls > row.max || row.throttled > 0 || row.met === false;

/** The table `bench:calls` prints, each row over its target marked, and a last line counting them. */
export function formatCallsTable(rows: readonly CallsRow[]): string {
  const width = Math.max(...rows.map((r) => r.scenario.length));
  const lines = [`${'scenario'.padEnd(width)}  calls  429s  target`];
  for (const row of rows) {
    const mark = isOver(row) ? `  << ${OVER}` : '';
    const counts = `${String(row.calls).padStart(5)}  ${String(row.throttled).padStart(4)}`;
    lines.push(`${row.scenario.padEnd(width)}  ${counts}  ${row.target}${mark}`);
    lines.push(`${' '.repeat(width + 15)}${row.detail}`);
  }
  lines.push(`429s drawn by the connector's own pacing: ${rows.reduce((n, r) => n + r.throttled, 0)}`);
  const over = rows.filter(isOver).length;
  lines.push(
    over ? `${over} of ${rows.length} rows ${OVER}` : `all ${rows.length} rows within their targets`,
  );
  return lines.join('\n');
}
