// The built app as one file (`npm run build`: tsc, then scripts/bundleApp.ts), for a faster cold start.
module.exports = require('./dist/app').default;
