import { readFileSync } from 'node:fs';
import { README, renderReadme } from '../../scripts/operationsTable';

describe('README operations table', () => {
  it('matches the operation definitions (run `npm run docs` when this fails)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toBe(renderReadme(readme));
  });
});
