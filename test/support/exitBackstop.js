/**
 * Jest's `globalTeardown`: the backstop `forceExit` was, without the "Force exiting Jest" line it printed on every
 * run. The suites close every server, child process and timer they start; should a test leak a handle, Jest would
 * wait forever (one such leak once held CI to its time limit). This timer, unref'd so it never holds the process
 * itself, ends it 10 s after the run, keeps the run's exit code (Jest sets it on `exit`), and says why.
 */
const GRACE_MS = 10_000;

module.exports = async (globalConfig) => {
  if (globalConfig.watch || globalConfig.watchAll) return;
  setTimeout(() => {
    process.stderr.write(
      `Jest still had an open handle ${GRACE_MS / 1000} s after the run (a test leaked it, see --detectOpenHandles);` +
        ' exiting (test/support/exitBackstop.js).\n',
    );
    process.exit();
  }, GRACE_MS).unref();
};
