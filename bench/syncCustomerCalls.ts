import type { Harness } from '../scripts/harness';

type Counted = { calls: number; throttled: number; byEndpoint: Record<string, number> };
type Measure = (
  scenario: string,
  max: number,
  target: string,
  run: () => Promise<Counted>,
) => Promise<number>;

/**
 * `sync_customer`, path by path (one Zapier task each, where a Zap did it in three steps). A new company is claimed in
 * the shared store (`z.cache`, `operations/objects/domainClaim.ts`) before it is created, which costs no HubSpot call
 * and replaces the duplicate check after the create: 4 calls at most on every path. The harness's `z.cache` is
 * zapier-platform-core's test mock, which answers every set-if-absent true: right for these runs, one after another,
 * each the only run on its domain (overlapping runs are counted in test/integration/syncCustomerClaim.zapier.test.ts).
 */
export async function measureSyncCustomer(h: Harness, measure: Measure): Promise<void> {
  const sync = (input: Record<string, unknown>) => () => h.run('creates', 'sync_customer', input);
  await measure(
    'sync_customer: new contact + new company + note',
    4,
    'upsert, search, create (contact inline; domain claimed in z.cache), note',
    sync({
      email: 'ada@sync.example',
      company_domain: 'sync.example',
      company_name: 'Sync',
      note: 'New order',
    }),
  );
  await measure(
    'sync_customer: existing contact + existing company + note',
    4,
    'upsert, search, association, note',
    sync({ email: 'ada@sync.example', lastname: 'L', company_domain: 'sync.example', note: 'Again' }),
  );
  await measure(
    'sync_customer: existing both, no note',
    3,
    'upsert, search, association',
    sync({ email: 'ada@sync.example', company_domain: 'sync.example' }),
  );
  await measure(
    'sync_customer: no company + note',
    2,
    'upsert, note',
    sync({ email: 'solo@sync.example', note: 'Hello' }),
  );
  await measure('sync_customer: no company, no note', 1, 'upsert', sync({ email: 'solo@sync.example' }));
}
