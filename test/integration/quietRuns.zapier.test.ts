import { runner, useZapierSandbox } from '../support/crm';

/**
 * zapier-platform-core echoes every `z.console` line to the process's console (its `createLoggerConsole`), so each
 * logged HubSpot answer became a "console.log … hubspot request" block in the test output. The tests' app runner
 * keeps the app's log lines out of it; a test's own `console.log` still goes through.
 */
describe('the tests’ Zapier app runner', () => {
  const context = useZapierSandbox();
  const ops = runner(context);

  it('runs the app without echoing its z.console lines to the test output', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => {});
    try {
      // A record id that does not exist: HubSpot answers 404, which the core logs, and the find returns nothing.
      expect(
        await ops.search('find_contact', { search_property: 'hs_object_id', search_value: '999999' }),
      ).toEqual([]);
      expect(context.t.sandbox.log.all().map((e) => e.status)).toEqual([404]);
      expect(log).not.toHaveBeenCalled();
      console.log('a line of the test itself');
      expect(log).toHaveBeenCalledWith('a line of the test itself');
    } finally {
      log.mockRestore();
    }
  });
});
