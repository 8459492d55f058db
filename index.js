// The built app (`npm run build`: tsc, then scripts/snapshotApp.ts): its definition as data, modules loaded on first call.
module.exports = require('./dist/app').default;
