import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const config = require(resolve(ROOT, 'jest.config.js')) as { forceExit?: boolean; globalTeardown?: string };
const backstop = require(resolve(ROOT, 'test/support/exitBackstop.js')) as (c: object) => Promise<void>;

/**
 * `npm test` prints no unexplained line: `forceExit` printed "Force exiting Jest" after every run, leak or not. The
 * backstop against a leaked handle is a teardown timer instead, which speaks only when it has to act.
 */
describe('jest configuration', () => {
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('does not force the exit (Jest would print "Force exiting Jest" on every run)', () => {
    expect(config.forceExit).toBeFalsy();
    expect(config.globalTeardown).toBe('<rootDir>/test/support/exitBackstop.js');
    expect(existsSync(resolve(ROOT, 'test/support/exitBackstop.js'))).toBe(true);
  });

  it('ends a run held open by a leaked handle after 10 s, saying why', async () => {
    jest.useFakeTimers();
    const exit = jest.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await backstop({ watch: false, watchAll: false });
    jest.advanceTimersByTime(9_999);
    expect(exit).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(exit).toHaveBeenCalledWith();
    expect(String(write.mock.calls[0]?.[0])).toContain('open handle');
  });

  it('stays out of watch mode', async () => {
    jest.useFakeTimers();
    const exit = jest.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    await backstop({ watch: true });
    jest.advanceTimersByTime(60_000);
    expect(exit).not.toHaveBeenCalled();
  });
});
