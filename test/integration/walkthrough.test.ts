import { walkthrough } from '../../scripts/start';

/** `npm start`: every step says what it cost, and the demo says what it changes from a real setup. */
describe('npm start walkthrough', () => {
  const saved = { ...process.env };
  const lines: string[] = [];

  beforeAll(async () => {
    await walkthrough((line) => lines.push(...line.split('\n')));
  }, 60_000);
  afterAll(() => {
    process.env = saved;
  });

  it('says that the demo sets the poll lag margin to 0', () => {
    expect(lines.some((l) => /lag margin to 0 \(HUBSPOT_POLL_LAG_MARGIN_MS=0\)/.test(l))).toBe(true);
  });

  it('prints the call count of every step, the refused one (step 4) included', () => {
    const step4 = lines.findIndex((l) => l.startsWith('4. '));
    expect(step4).toBeGreaterThan(0);
    expect(lines[step4 + 1]).toMatch(/create_contact with lifecyclestage "VIP"\s+\d+ HubSpot call\(s\)/);
    expect(lines[step4 + 2]).toMatch(/→ .*lifecyclestage/i);
  });

  it('does not suggest pointing real Zaps at a local sandbox', () => {
    expect(lines.at(-1)).toMatch(/^Done\./);
    expect(lines.join('\n')).not.toMatch(/your own Zaps/);
  });
});
