import { appendFileSync } from 'node:fs';
import { basename } from 'node:path';
import { RESULTS_FILE } from './resultsFile';
import { secretsIn } from './secrets';

/**
 * The resilience suite's bookkeeping. Every matrix cell is one jest test made by `cell(...)`: it runs the cell's
 * body, counts what the body reports (records lost or duplicated, requests that escaped to another host or path) and
 * every secret found in what the cell saw (errors, outputs, messages), appends one line per cell to the results file
 * (the table reporter, `tableReporter.js`, prints the table at the end of the run) and fails when any count is not
 * zero or a survival check did not hold, naming the cell.
 */

export interface CellLine {
  file: string;
  category: string;
  platform: string;
  name: string;
  survived: boolean;
  lost: number;
  duplicated: number;
  secrets: number;
  escapes: number;
  /** The survival checks that did not hold, and what the body threw. */
  failures: string[];
  ms: number;
}

export class Cell {
  lost = 0;
  duplicated = 0;
  escapes = 0;
  readonly failures: string[] = [];
  /** Everything the platform showed in this cell: searched for secrets at the end. */
  readonly seen: string[] = [];

  /** A survival check: recorded (not thrown) so every count of the cell is still taken. */
  check(ok: boolean, failure: string): boolean {
    if (!ok) this.failures.push(failure);
    return ok;
  }

  /** Records text the platform showed (an error message and stack, an output, a log line). */
  see(...values: unknown[]): void {
    for (const value of values) this.seen.push(textOf(value));
  }
}

export function textOf(value: unknown): string {
  if (value instanceof Error) {
    const extra = Object.entries(value as unknown as Record<string, unknown>)
      .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
      .map(([k, v]) => `${k}=${v}`);
    return [value.name, value.message, value.stack ?? '', ...extra].join('\n');
  }
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export interface CellOptions {
  /** Runs alongside the other concurrent cells of its describe block (cells whose faults hit different paths). */
  concurrent?: boolean;
  timeoutMs?: number;
}

/**
 * One matrix cell: `category` is the table row (a fault, bad input, host escapes...), `platform` Zapier or Make,
 * `name` what was tried. The test name joins the three, so a failure names its cell.
 */
export function cell(
  category: string,
  platform: 'Zapier' | 'Make' | 'Sandbox' | 'Zapier+Make',
  name: string,
  body: (c: Cell) => Promise<void>,
  options: CellOptions = {},
): void {
  const run = async () => {
    const c = new Cell();
    const started = Date.now();
    let thrown: unknown;
    try {
      await body(c);
    } catch (error) {
      thrown = error;
      c.see(error);
      c.failures.push(`the cell itself failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const secrets = secretsIn(c.seen);
    const line: CellLine = {
      file: basename(expect.getState().testPath ?? 'unknown'),
      category,
      platform,
      name,
      survived:
        c.failures.length === 0 &&
        c.lost === 0 &&
        c.duplicated === 0 &&
        c.escapes === 0 &&
        secrets.length === 0,
      lost: c.lost,
      duplicated: c.duplicated,
      secrets: secrets.length,
      escapes: c.escapes,
      failures: [...c.failures, ...secrets.map((s) => `secret seen: ${s}`)],
      ms: Date.now() - started,
    };
    appendFileSync(RESULTS_FILE, `${JSON.stringify(line)}\n`);
    if (thrown) throw thrown;
    expect({
      lost: c.lost,
      duplicated: c.duplicated,
      secretsSeen: secrets,
      hostOrPathEscapes: c.escapes,
      failures: c.failures,
    }).toEqual({ lost: 0, duplicated: 0, secretsSeen: [], hostOrPathEscapes: 0, failures: [] });
  };
  const title = `${category} · ${platform} · ${name}`;
  if (options.concurrent) test.concurrent(title, run, options.timeoutMs ?? 60_000);
  else test(title, run, options.timeoutMs ?? 60_000);
}
