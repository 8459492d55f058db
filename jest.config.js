/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2023' } }],
    // nock 15 and its interceptor libraries ship ES modules only; compile them to CommonJS for jest.
    '^.+\\.m?js$': ['@swc/jest', { jsc: { target: 'es2023' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(nock|@mswjs|strict-event-emitter|outvariant|is-node-process|@open-draft|rettime)/)',
  ],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Zapier's Lambda memory guard would end a jest worker after a few hundred app runs (see the shim).
  moduleNameMapper: { '^\\./memory-checker$': '<rootDir>/test/support/memoryChecker.js' },
  testTimeout: 30000,
  // The resilience suite (test/resilience) prints its table of tried / survived / lost / duplicated / secrets seen.
  reporters: ['default', '<rootDir>/test/resilience/tableReporter.js'],
  // Resilience cells aimed at different requests run side by side; a fault's cells are at most this many.
  maxConcurrency: 8,
  // The suites close every server, child process and timer they start. Backstop against a handle leaked by a future
  // test, which once held CI to its time limit: a teardown timer that ends such a run after 10 s and says why
  // (`forceExit` did the same but printed "Force exiting Jest" after every run).
  globalTeardown: '<rootDir>/test/support/exitBackstop.js',
};
