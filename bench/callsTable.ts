/** One measured scenario of `npm run bench:calls`: the HubSpot calls it spent beside the most it should spend. */
export interface CallsRow {
  scenario: string;
  calls: number;
  /** The target in calls; a row above it is marked. */
  max: number;
  /** How the target is reached, as printed. */
  target: string;
  detail: string;
  /** A condition of the target other than the count (e.g. no run failed); false marks the row too. */
  met?: boolean;
}

export const OVER = 'OVER TARGET';

export const isOver = (row: CallsRow) => row.calls > row.max || row.met === false;

/** The table `bench:calls` prints, each row over its target marked, and a last line counting them. */
export function formatCallsTable(rows: readonly CallsRow[]): string {
  const width = Math.max(...rows.map((r) => r.scenario.length));
  const lines = [`${'scenario'.padEnd(width)}  calls  target`];
  for (const row of rows) {
    const mark = isOver(row) ? `  << ${OVER}` : '';
    lines.push(`${row.scenario.padEnd(width)}  ${String(row.calls).padStart(5)}  ${row.target}${mark}`);
    lines.push(`${' '.repeat(width + 9)}${row.detail}`);
  }
  const over = rows.filter(isOver).length;
  lines.push(
    over ? `${over} of ${rows.length} rows ${OVER}` : `all ${rows.length} rows within their targets`,
  );
  return lines.join('\n');
}
