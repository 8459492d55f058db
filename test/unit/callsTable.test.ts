import { type CallsRow, formatCallsTable } from '../../bench/callsTable';

/** `npm run bench:calls` marks every row whose calls exceed its target, so a regression cannot hide in the table. */
describe('bench:calls table', () => {
  const row = (calls: number, max: number, met?: boolean, throttled = 0): CallsRow => ({
    scenario: `calls ${calls}, max ${max}`,
    calls,
    throttled,
    max,
    target: `${max}`,
    detail: 'detail',
    met,
  });

  it('marks a row over its target and counts the marked rows', () => {
    const lines = formatCallsTable([row(1, 1), row(4, 3), row(2, 3)]).split('\n');
    expect(lines.filter((l) => l.includes('OVER TARGET') && l.startsWith('calls'))).toEqual([
      expect.stringMatching(/^calls 4, max 3 .* 3 {2}<< OVER TARGET$/),
    ]);
    expect(lines.at(-1)).toBe('1 of 3 rows OVER TARGET');
  });

  it('marks a row whose other condition failed, within the count or not', () => {
    const lines = formatCallsTable([row(10, 11, false)]).split('\n');
    expect(lines[1]).toMatch(/<< OVER TARGET$/);
  });

  it('marks a row that drew a 429 from our own pacing, and totals the 429s', () => {
    const lines = formatCallsTable([row(2, 3, undefined, 1), row(1, 1)]).split('\n');
    expect(lines[1]).toMatch(/^calls 2, max 3 +2 +1 .*<< OVER TARGET$/);
    expect(lines.at(-2)).toBe("429s drawn by the connector's own pacing: 1");
  });

  it('says so when every row is within its target', () => {
    const text = formatCallsTable([row(1, 1), row(0, 2, true)]);
    expect(text).not.toContain('<< OVER TARGET');
    expect(text.split('\n').at(-1)).toBe('all 2 rows within their targets');
  });
});
