import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The repository is the product: it cites public sources only. The team's notes folder beside the checkout is not
 * part of it, and a clone elsewhere would find nothing there.
 */
describe('repository hygiene', () => {
  const root = join(__dirname, '../..');
  const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !f.startsWith('make/schemas/') && f !== 'package-lock.json');

  it('no tracked file points into the notes folder beside the checkout', () => {
    const pointing = files.filter((f) => {
      try {
        return readFileSync(join(root, f), 'utf8').includes(['..', 'shared', ''].join('/'));
      } catch {
        return false;
      }
    });
    expect(files.length).toBeGreaterThan(100);
    expect(pointing).toEqual([]);
  });
});
