import { readFileSync } from 'node:fs';
import { GUIDE, paritySection, renderGuide } from '../../scripts/parityDoc';
import { EXPECTED_DIFFERENCES } from '../parity/differences';
import { namedScenarios } from '../parity/scenarios';

describe("docs/make.md's parity section", () => {
  it('is the one rendered from the parity lists (run `npm run docs` after changing them)', () => {
    const guide = readFileSync(GUIDE, 'utf8');
    expect(guide).toBe(renderGuide(guide));
  });

  it('lists only scenarios that exist, so a renamed scenario cannot leave a stale reason behind', () => {
    const names = new Set(namedScenarios().map(([name]) => name));
    expect(Object.keys(EXPECTED_DIFFERENCES).filter((name) => !names.has(name))).toEqual([]);
  });

  it('writes each reason once, however many scenarios share it', () => {
    const section = paritySection();
    const reason = EXPECTED_DIFFERENCES.new_contact?.requests as string;
    expect(section.split(reason).length - 1).toBe(1);
  });
});
