import { nextAttemptAt } from './backoff';
import { type Delivery, SIGNATURE_HEADERS, signDelivery } from './contract';
import { emit, type RelayHooks } from './hooks';
import { pinnedFetch } from './pinnedFetch';
import type { ClaimedBatch, DeliveryOutcome, RelayStore } from './store/types';
import { loopbackAllowed, type TargetPolicy, targetProblem } from './targets';

/**
 * Sends the outbox: claims batches (a lease per subscription, see `store/postgres.ts`), POSTs each as one signed
 * delivery, records the outcome. At least once: a batch is marked delivered only after a 2xx, so a crash between
 * the answer and the record sends it again, with the same `webhook-id`.
 */

/** How long a hook may take to answer; well under the lease, so a slow hook never loses its lease mid-call. */
export const DELIVERY_TIMEOUT_MS = 10_000;
export const LEASE_MS = 30_000;
const PRUNE_EVERY_MS = 3_600_000;

export interface DelivererOptions {
  store: RelayStore;
  /** This instance's name in leases. */
  owner: string;
  targets: TargetPolicy;
  hooks?: RelayHooks;
  now?: () => number;
  fetcher?: typeof fetch;
  /** Batches in flight at once. */
  concurrency?: number;
  /** How often to look for due batches when nothing woke the loop. */
  pollMs?: number;
}

export class Deliverer {
  private running = false;
  private wake: (() => void) | undefined;
  /** A kick that came while a round was running: look again at once instead of sleeping. */
  private kicked = false;
  private loop: Promise<void> | undefined;
  private lastPrune = 0;
  private readonly now: () => number;
  private readonly fetcher: typeof fetch;

  constructor(private readonly options: DelivererOptions) {
    this.now = options.now ?? Date.now;
    this.fetcher = options.fetcher ?? pinnedFetch((host) => loopbackAllowed(options.targets, host));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loop;
  }

  /** New events are waiting: look now instead of at the next poll. */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  /**
   * Keeps up to `concurrency` batches in flight, claiming more as soon as one ends, so one slow hook (up to 10 s)
   * holds one slot, not the whole round.
   */
  private async run(): Promise<void> {
    const limit = this.options.concurrency ?? 8;
    const inFlight = new Set<Promise<void>>();
    while (this.running) {
      this.kicked = false;
      let claimed = 0;
      try {
        const free = limit - inFlight.size;
        if (free > 0) {
          const batches = await this.options.store.claimBatches(
            this.options.owner,
            this.now(),
            LEASE_MS,
            free,
          );
          claimed = batches.length;
          for (const batch of batches) {
            const sending: Promise<void> = this.deliver(batch).finally(() => {
              inFlight.delete(sending);
              this.kick();
            });
            inFlight.add(sending);
          }
        }
        if (this.now() - this.lastPrune > PRUNE_EVERY_MS) {
          this.lastPrune = this.now();
          await this.options.store.prune(this.now());
        }
      } catch (error) {
        this.failed(error);
      }
      const full = inFlight.size >= limit;
      if ((claimed === 0 || full) && this.running && !this.kicked) await this.idle();
    }
    await Promise.all(inFlight);
  }

  private failed(error: unknown): void {
    emit(this.options.hooks ?? {}, 'workerError', { worker: 'delivery', error: (error as Error).message });
  }

  /** One attempt and its record; a store failure leaves the lease to run out, and the batch is tried again. */
  private async deliver(batch: ClaimedBatch): Promise<void> {
    try {
      const outcome = await this.attempt(batch);
      await this.options.store.settleBatch(batch, this.options.owner, this.now(), outcome);
    } catch (error) {
      this.failed(error);
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.options.pollMs ?? 250);
      this.wake = done;
    });
  }

  /** One round by hand (tests, tools): claims what is due, delivers it, waits; answers how many batches. */
  async runOnce(): Promise<number> {
    const { store, owner } = this.options;
    const batches = await store.claimBatches(owner, this.now(), LEASE_MS, this.options.concurrency ?? 8);
    await Promise.all(batches.map((batch) => this.deliver(batch)));
    return batches.length;
  }

  private async attempt(batch: ClaimedBatch): Promise<DeliveryOutcome> {
    const hooks = this.options.hooks ?? {};
    const { subscription, events } = batch;
    const started = this.now();
    let status: number | undefined;
    let error: string;
    const problem = await targetProblem(subscription.targetUrl, this.options.targets);
    if (problem) {
      error = `target refused: ${problem}`;
    } else {
      try {
        status = await this.post(batch);
        error = `the target answered HTTP ${status}`;
      } catch (e) {
        error =
          (e as Error).name === 'TimeoutError' ? 'the target did not answer within 10 s' : 'no connection';
      }
    }
    const info = { subscriptionId: subscription.id, events: events.length };
    if (status !== undefined && status >= 200 && status < 300) {
      emit(hooks, 'delivered', { ...info, status, durationMs: this.now() - started });
      return { kind: 'delivered', status };
    }
    // A hook URL that answers 410 Gone will never take deliveries again (Zapier's answer once the hook's owner
    // turned it off); its REST hook guide asks the sender to drop that subscription (https://docs.zapier.com/platform/build/cli-hook-trigger).
    if (status === 410) {
      emit(hooks, 'subscriptionGone', { subscriptionId: subscription.id, portalId: subscription.portalId });
      return { kind: 'gone', status };
    }
    const now = this.now();
    const at = nextAttemptAt(batch.attempts + 1, batch.failingSince ?? now, now);
    const withStatus = status === undefined ? {} : { status };
    if (at === undefined) {
      emit(hooks, 'deadLettered', { ...info, error });
      return { kind: 'dead', ...withStatus, error };
    }
    emit(hooks, 'deliveryFailed', { ...info, ...withStatus, error, retryAt: at });
    return { kind: 'retry', at, ...withStatus, error };
  }

  /**
   * One signed POST (Standard Webhooks headers). By default over `pinnedFetch`, which connects only to checked
   * addresses and follows no redirect, so the target checks hold for the connection itself.
   */
  private async post(batch: ClaimedBatch): Promise<number> {
    const { subscription, events } = batch;
    const delivery: Delivery = {
      subscriptionId: subscription.id,
      portalId: subscription.portalId,
      objectType: subscription.objectType,
      event: subscription.event,
      events,
    };
    const body = JSON.stringify(delivery);
    const timestamp = Math.floor(this.now() / 1000);
    const res = await this.fetcher(subscription.targetUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'hubspot-bridge-relay',
        [SIGNATURE_HEADERS.id]: batch.batchId,
        [SIGNATURE_HEADERS.timestamp]: String(timestamp),
        [SIGNATURE_HEADERS.signature]: signDelivery(subscription.secret, batch.batchId, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await res.arrayBuffer().catch(() => undefined);
    return res.status;
  }
}
