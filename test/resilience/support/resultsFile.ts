import { join } from 'node:path';

/**
 * Where each cell appends its line and where `tableReporter.js` reads them (same path, written there in plain JS).
 * Git-ignored; the reporter empties it when a run starts.
 */
export const RESULTS_FILE = join(__dirname, '..', '.results.jsonl');
