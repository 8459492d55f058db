import { DEFAULT_LAG_MARGIN_MS } from '../operations/polling';
import { seedPortal } from '../sandbox/seed';
import { describeCalls, type Kind, startHarness } from './harness';

/**
 * `npm start`: the main job on the embedded sandbox. A small "other software" (a web shop) produces orders with
 * customer e-mails; the real Zapier operations bridge them into HubSpot (find-or-create the contact, then keep it up
 * to date), and the polling trigger picks the changes up, as a Zap would. Every step prints how many HubSpot calls it
 * spent, counted by the sandbox's request log. `npm run sandbox` starts the sandbox alone.
 */

const ORDERS = [
  { order: 'A-1001', email: 'ada.lovelace@example.com', first: 'Ada', last: 'Lovelace', total: 120.5 },
  { order: 'A-1002', email: 'alan.turing@example.com', first: 'Alan', last: 'Turing', total: 89.9 },
  { order: 'A-1003', email: 'ada.lovelace@example.com', first: 'Ada', last: 'Lovelace', total: 42 },
  { order: 'A-1004', email: 'grace.hopper@example.com', first: 'Grace', last: 'Hopper', total: 310 },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Result = Record<string, unknown> & { id?: string; properties?: Record<string, string> };

/** Runs the walkthrough, printing each line with `print`. */
export async function walkthrough(print: (line: string) => void = console.log): Promise<void> {
  process.env.HUBSPOT_POLL_LAG_MARGIN_MS = '0';
  const harness = await startHarness();
  const { sandbox, server } = harness;
  seedPortal(sandbox.portal, { contacts: 200, seed: 42 });
  const zap = { zap: { id: 'demo-zap' } };

  const step = async <T>(
    label: string,
    kind: Kind,
    key: string,
    inputData: object,
    meta: object = {},
  ): Promise<T> => {
    const counted = (calls: number, byEndpoint: Record<string, number>) => {
      const which = calls > 0 ? `  [${describeCalls(byEndpoint)}]` : '';
      print(`  ${label.padEnd(58)} ${String(calls).padStart(2)} HubSpot call(s)${which}`);
    };
    try {
      const { result, calls, byEndpoint } = await harness.run<T>(kind, key, inputData, meta);
      counted(calls, byEndpoint);
      return result;
    } catch (error) {
      // A refused step counts too: the sandbox's log still holds this run's calls.
      const { total, byEndpoint } = sandbox.log.summary();
      counted(total, byEndpoint);
      throw error;
    }
  };

  print(`HubSpot sandbox at ${server.url} (portal ${sandbox.portal.info.portalId}, 200 seeded contacts)`);
  print(
    `The demo sets the poll lag margin to 0 (HUBSPOT_POLL_LAG_MARGIN_MS=0): the sandbox's search index has no lag, ` +
      `so a poll sees a change at once. Against HubSpot a poll leaves out the last ${DEFAULT_LAG_MARGIN_MS / 1000} s.\n`,
  );
  print('1. The Zap "New or Updated Contact" is switched on (first poll sets its watermark):');
  await step('poll new_or_updated_contact', 'triggers', 'new_or_updated_contact', {}, zap);
  await sleep(5);

  print('\n2. The shop sends orders; each is bridged into HubSpot:');
  for (const o of ORDERS) {
    const found = await step(`${o.order}: find_contact by e-mail ${o.email}`, 'searches', 'find_contact', {
      search_property: 'email',
      search_value: o.email,
    });
    if ((found as Result[]).length === 0) {
      const created = await step(`${o.order}: create_contact`, 'creates', 'create_contact', {
        email: o.email,
        firstname: o.first,
        lastname: o.last,
        lifecyclestage: 'Customer',
      });
      print(`     → created contact ${(created as Result).id}`);
    } else {
      print(`     → found contact ${(found as Result[])[0]!.id}`);
    }
    const upserted = await step(
      `${o.order}: create_or_update_contact (note the order)`,
      'creates',
      'create_or_update_contact',
      {
        id_property: 'email',
        email: o.email,
        jobtitle: `Last order ${o.order} (${o.total.toFixed(2)} EUR)`,
      },
    );
    print(`     → ${(upserted as Result).is_new ? 'created' : 'updated'} contact ${(upserted as Result).id}`);
  }
  await sleep(5);

  print('\n3. The Zap polls again and picks up every change, each once:');
  const changes = await step('poll new_or_updated_contact', 'triggers', 'new_or_updated_contact', {}, zap);
  for (const c of changes as Result[]) print(`     → ${c.record_id} ${c.properties?.email}`);
  await step('poll again (idle)', 'triggers', 'new_or_updated_contact', {}, zap);

  print('\n4. Bad input is refused before anything is written:');
  try {
    await step('create_contact with lifecyclestage "VIP"', 'creates', 'create_contact', {
      email: 'bad@example.com',
      lifecyclestage: 'VIP',
    });
  } catch (error) {
    // The whole message, wrapped: it lists every allowed option, which is the point of showing it.
    // Zapier's test harness appends what it executed ("What happened: …"); the user sees the part before it.
    const lines = wrap((error as Error).message.split(/\s*What happened:/)[0]!, 100);
    print(lines.map((line, i) => `${i === 0 ? '     → ' : '       '}${line}`).join('\n'));
  }

  await harness.close();
  print(
    '\nDone. `npm run sandbox -- --port 8787 --seed 500` keeps a sandbox running for your own scripts and tests.',
  );
}

if (require.main === module) {
  walkthrough().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

/** Greedy word wrap for the console. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}
