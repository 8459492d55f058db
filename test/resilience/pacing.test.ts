import type { TestSandbox } from '../support/sandbox';
import { count429 } from './support/faults';
import { logCell } from './support/logCell';
import { cell } from './support/recorder';
import type { captureConsole } from './support/secrets';
import { sleep, unique } from './support/servers';
import { countLossAndDuplicates, type Item } from './support/triggerSpecs';
import { putRecord } from './support/world';
import { type AuthData, poll } from './support/zapierPlatform';
import { closeZapierWorld, openZapierWorld } from './support/zapierWorld';

/**
 * Our own pacing against a sandbox that enforces HubSpot's limits (free tier: 100 requests per 10 s, 5 searches
 * per second): a poll over 1,000 changes pages through search and reads property history, and no request of it may
 * draw a 429. A 429 here is the connector's own pacing failing, not a fault.
 * https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
 */

let t: TestSandbox;
let authData: AuthData;
let logs: ReturnType<typeof captureConsole>;
const CHANGES = 1_000;

beforeAll(async () => {
  ({ t, authData, logs } = await openZapierWorld({ rateLimits: true, tier: 'free' }));
});
afterAll(() => closeZapierWorld({ t, logs }));

const TRIGGERS: Array<[string, Record<string, unknown>]> = [
  ['new_or_updated_contact', {}],
  ['contact_property_change', { property: 'jobtitle' }],
];

for (const [key, input] of TRIGGERS) {
  cell(
    'pacing (our own 429s)',
    'Zapier',
    `${key} over ${CHANGES.toLocaleString('en')} changes`,
    async (c) => {
      const zap = unique(`zap-pace-${key}`);
      await sleep(1_100);
      const madeFrom = Date.now();
      const ids = Array.from(
        { length: CHANGES },
        () => putRecord(t, 'contacts', { email: `${unique('pace')}@example.com`, jobtitle: unique('j') }).id,
      );
      await sleep(5);
      t.sandbox.log.clear();
      // The Zap's first poll, with its watermark set just before the changes (a lag margin reaching back to them), then
      // polls back to back until one is idle, as `npm run bench:calls` drains: the first poll's search and the next
      // poll's searches fall inside one of HubSpot's one-second search windows, and pacing must keep them under 5.
      process.env.HUBSPOT_POLL_LAG_MARGIN_MS = String(Date.now() - madeFrom + 1_000);
      const polls: Item[][] = [await poll(key, zap, authData, input)];
      process.env.HUBSPOT_POLL_LAG_MARGIN_MS = '0';
      // 100 items a poll (Zapier's limit): 1,000 changes take 10 polls and an idle one.
      for (let i = 0; i < 15; i++) {
        const items = await poll(key, zap, authData, input);
        polls.push(items);
        if (items.length === 0) break;
      }
      c.see(polls.flat().slice(0, 5));
      const rejected = count429(t.sandbox);
      c.check(
        rejected === 0,
        `${rejected} of ${t.sandbox.log.all().length} requests drew a 429 from our own pacing`,
      );
      countLossAndDuplicates(c, (i) => String(i.record_id), ids, polls);
    },
  );
}

logCell('the pacing cells', () => logs);
