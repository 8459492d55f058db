// @ts-check
const { existsSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

/**
 * Jest reporter of the resilience suite (test/resilience). Each matrix cell appends one JSON line to
 * `.results.jsonl` (see support/recorder.ts); at the end of the run this prints the table — tried, survived,
 * records lost, records duplicated, secrets seen, host or path escapes, per category — lists the cells that did not
 * survive, and writes the same as Markdown to `.last-table.md` (both files git-ignored). A run without resilience
 * cells prints nothing.
 */
const RESULTS = join(__dirname, '.results.jsonl');
const TABLE = join(__dirname, '.last-table.md');
/** Rows in this order (faults, then input, security and concurrency); a category not listed comes last. */
const ORDER = [
  '429 TEN_SECONDLY_ROLLING',
  '429 SECONDLY',
  '429 DAILY (quota spent)',
  '423 Locked',
  '5xx burst (502, 503, 504)',
  'dropped before processing',
  'dropped after processing',
  'latency past the timeout',
  'token expiry mid-run',
  'index lag',
  'bad input',
  'path traversal',
  'host escapes',
  'secrets (every log line)',
  'sandbox admin guard',
  'concurrency',
  'pacing (our own 429s)',
];
const COLUMNS = ['tried', 'survived', 'lost', 'duplicated', 'secrets', 'escapes'];
const HEADERS = [
  'category',
  'tried',
  'survived',
  'records lost',
  'records duplicated',
  'secrets seen',
  'host/path escapes',
];

class ResilienceTableReporter {
  onRunStart() {
    rmSync(RESULTS, { force: true });
  }

  onRunComplete() {
    if (!existsSync(RESULTS)) return;
    const lines = readFileSync(RESULTS, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    if (lines.length === 0) return;
    const markdown = render(lines);
    writeFileSync(TABLE, markdown);
    process.stdout.write(`\nResilience suite (npx jest test/resilience)\n\n${markdown}\n`);
  }
}

function render(lines) {
  const rows = new Map();
  for (const l of lines) {
    const row = rows.get(l.category) ?? {
      tried: 0,
      survived: 0,
      lost: 0,
      duplicated: 0,
      secrets: 0,
      escapes: 0,
    };
    row.tried++;
    if (l.survived) row.survived++;
    for (const k of ['lost', 'duplicated', 'secrets', 'escapes']) row[k] += l[k];
    rows.set(l.category, row);
  }
  const total = { tried: 0, survived: 0, lost: 0, duplicated: 0, secrets: 0, escapes: 0 };
  for (const row of rows.values()) for (const k of COLUMNS) total[k] += row[k];
  const rank = (category) => (ORDER.includes(category) ? ORDER.indexOf(category) : ORDER.length);
  const sorted = [...rows].sort(([a], [b]) => rank(a) - rank(b));
  const table = [
    `| ${HEADERS.join(' | ')} |`,
    `| --- | ${COLUMNS.map(() => '---:').join(' | ')} |`,
    ...sorted.map(([category, row]) => `| ${category} | ${COLUMNS.map((k) => row[k]).join(' | ')} |`),
    `| **all** | ${COLUMNS.map((k) => `**${total[k]}**`).join(' | ')} |`,
  ];
  const failed = lines
    .filter((l) => !l.survived)
    .sort((a, b) => rank(a.category) - rank(b.category) || a.platform.localeCompare(b.platform));
  const failures = failed.map(
    (l) => `- ${l.category} · ${l.platform} · ${l.name}: ${l.failures.join('; ') || counts(l)}`,
  );
  return [
    ...table,
    '',
    failed.length ? `Cells that did not survive (${failed.length}):` : 'Every cell survived.',
    ...failures,
    '',
  ].join('\n');
}

function counts(l) {
  return ['lost', 'duplicated', 'secrets', 'escapes']
    .filter((k) => l[k] > 0)
    .map((k) => `${k} ${l[k]}`)
    .join(', ');
}

module.exports = ResilienceTableReporter;
