import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { RelayHooks } from '../hooks';
import type { DeliveryCounts, RelayStore } from '../store/types';
import type { JournalLag } from './journalLag';

/**
 * The relay's Prometheus metrics (text format at `/metrics`, https://prometheus.io/docs/instrumenting/exposition_formats/).
 * Counters move with the relay's hooks; the queue gauges are read from the store at scrape time, so every instance
 * sharing a Postgres reports the same queue. Labels are few and fixed (source, outcome, route): a portal or
 * subscription label would grow one series per customer, so the journal lag is given as the max over portals and
 * the alert names the portal.
 */

/** Scrapes closer together than this reuse the last counts instead of querying the store again. */
const COUNTS_CACHE_MS = 2_000;

export interface RelayMetrics {
  registry: Registry;
  hooks: RelayHooks;
}

export function createMetrics(store: RelayStore, lag: JournalLag): RelayMetrics {
  const registry = new Registry();
  // The process's own: resident memory, CPU, event-loop lag, heap (`process_*`, `nodejs_*`).
  collectDefaultMetrics({ register: registry });
  const eventsIn = new Counter({
    name: 'relay_events_received_total',
    help: 'HubSpot events received, by source (push: webhooks v3; journal: the webhooks journal).',
    labelNames: ['source'],
    registers: [registry],
  });
  const queued = new Counter({
    name: 'relay_events_queued_total',
    help: 'Outbox rows created (one per event and subscription that wants it; repeats are not counted).',
    labelNames: ['source'],
    registers: [registry],
  });
  const deliveries = new Counter({
    name: 'relay_deliveries_total',
    help: 'Delivery attempts (one signed POST of up to 100 events), by outcome: delivered, retried, dead, gone.',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'relay_delivery_duration_seconds',
    help: 'How long hooks took to accept a delivery.',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const refused = new Counter({
    name: 'relay_refused_requests_total',
    help: 'Requests refused, by route and status (a bad HubSpot signature is the push route with 401).',
    labelNames: ['route', 'status'],
    registers: [registry],
  });
  const workerErrors = new Counter({
    name: 'relay_worker_errors_total',
    help: 'Errors of the background loops (they retry), by worker.',
    labelNames: ['worker'],
    registers: [registry],
  });
  const portalsLost = new Counter({
    name: 'relay_portals_lost_total',
    help: 'Journal reads HubSpot refused with 401 or 403 (token refused or app uninstalled).',
    registers: [registry],
  });

  // The cache is about load on the database, so it runs on the real monotonic clock, not the relay's `now`.
  let counts: { at: number; value: Promise<DeliveryCounts> } | undefined;
  const readCounts = () => {
    if (!counts || performance.now() - counts.at > COUNTS_CACHE_MS) {
      counts = { at: performance.now(), value: store.deliveryCounts() };
      counts.value.catch(() => {
        counts = undefined;
      });
    }
    return counts.value;
  };
  const queueGauge = (name: string, help: string, pick: (c: DeliveryCounts) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        this.set(pick(await readCounts()));
      },
    });
  queueGauge(
    'relay_retry_queue_depth',
    'Events waiting for another attempt after a failed one.',
    (c) => c.retrying,
  );
  queueGauge(
    'relay_outbox_pending',
    'Events waiting for delivery (first attempt or retry).',
    (c) => c.pending,
  );
  queueGauge(
    'relay_dead_letters',
    'Events given up on (24 h of failures), waiting for a redeliver.',
    (c) => c.dead,
  );
  new Gauge({
    name: 'relay_journal_lag_seconds',
    help: 'The most any portal journal this instance reads is behind: seconds since it was last read to the end.',
    registers: [registry],
    collect() {
      this.set(lag.maxSeconds());
    },
  });

  const hooks: RelayHooks = {
    eventsReceived({ source, received, queued: rows }) {
      eventsIn.inc({ source }, received);
      queued.inc({ source }, rows);
    },
    delivered({ durationMs }) {
      deliveries.inc({ outcome: 'delivered' });
      duration.observe(durationMs / 1000);
    },
    deliveryFailed: () => deliveries.inc({ outcome: 'retried' }),
    deadLettered: () => deliveries.inc({ outcome: 'dead' }),
    subscriptionGone: () => deliveries.inc({ outcome: 'gone' }),
    refused: ({ route, status }) => refused.inc({ route, status: String(status) }),
    workerError: ({ worker }) => workerErrors.inc({ worker }),
    portalLost: () => portalsLost.inc(),
  };
  for (const outcome of ['delivered', 'retried', 'dead', 'gone']) deliveries.inc({ outcome }, 0);
  for (const source of ['push', 'journal']) {
    eventsIn.inc({ source }, 0);
    queued.inc({ source }, 0);
  }
  return { registry, hooks };
}
