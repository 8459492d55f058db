import { hostname } from 'node:os';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { configureAppWebhooks, ensureAppSubscriptions } from './appWebhooks';
import type { RelayConfig } from './config';
import { Deliverer } from './deliverer';
import { emit, type RelayHooks } from './hooks';
import { HubSpotApi } from './hubspotApi';
import { JournalReader } from './journal';
import { combineHooks, createOperations } from './ops';
import { buildServer } from './server';
import type { RelayStore } from './store/types';
import type { TargetPolicy } from './targets';

/** The relay put together: HTTP in, the outbox, delivery and journal workers. */
export interface Relay {
  app: FastifyInstance;
  store: RelayStore;
  deliverer: Deliverer;
  journal?: JournalReader;
  /** Listens; answers the relay's URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Configures HubSpot (push: the app's target URL and subscriptions) and starts the workers. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface RelayOptions {
  config: RelayConfig;
  store: RelayStore;
  hooks?: RelayHooks;
  logger?: FastifyServerOptions['logger'];
  now?: () => number;
  /** Outgoing HTTP, to HubSpot and to hooks (tests replace it). */
  fetcher?: typeof fetch;
  /** DNS for target checks (tests replace it). */
  resolve?: TargetPolicy['resolve'];
  pollMs?: number;
}

export function createRelay(options: RelayOptions): Relay {
  const { config, store } = options;
  const now = options.now ?? Date.now;
  // Metrics, alerts and the admin page (relay/ops) listen to the same hooks as the caller's.
  const ops = createOperations({
    config,
    store,
    now,
    ...(options.fetcher ? { fetcher: options.fetcher } : {}),
  });
  // A hook that answered 410 is removed when its batch is settled, just after this hook: the narrowing leaves it out
  // by id rather than wait for the row to go, and runs off the delivery path (a failure only leaves the journal
  // wider than needed, and is reported as a journal worker error).
  const narrowing: RelayHooks = {
    subscriptionGone: ({ subscriptionId, portalId }) => {
      journal
        ?.narrow(portalId, subscriptionId)
        .catch((error: Error) =>
          emit(hooks, 'workerError', { worker: 'journal', error: `narrowing the journal: ${error.message}` }),
        );
    },
  };
  const hooks = combineHooks(options.hooks ?? {}, ops.hooks, narrowing);
  const owner = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const api = new HubSpotApi(config, options.fetcher, now);
  const targets: TargetPolicy = {
    allowedTargets: config.allowedTargets,
    explicitTargets: config.explicitTargets,
    ...(options.resolve ? { resolve: options.resolve } : {}),
  };
  const deliverer = new Deliverer({
    store,
    owner,
    targets,
    hooks,
    now,
    ...(options.fetcher ? { fetcher: options.fetcher } : {}),
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
  });
  const pushManaged = config.ingest !== 'journal' && config.appId !== undefined && !!config.developerApiKey;
  const journal =
    config.ingest === 'push'
      ? undefined
      : new JournalReader({
          store,
          api,
          owner,
          intervalMs: config.journalIntervalMs,
          hooks,
          now,
          onEvents: () => deliverer.kick(),
        });
  let ownUrl = '';
  let started = false;
  const publicUrl = () => config.publicUrl ?? ownUrl;

  const app = buildServer(
    {
      store,
      api,
      targets,
      now,
      hooks,
      ...(config.appId !== undefined ? { appId: config.appId } : {}),
      ...(config.clientSecret ? { clientSecret: config.clientSecret } : {}),
      publicUrl,
      onEvents: () => deliverer.kick(),
      started: () => started,
      readsJournal: journal !== undefined,
      async afterUnsubscribe(subscription) {
        await journal?.narrow(subscription.portalId);
      },
      async afterSubscribe(subscription) {
        if (pushManaged) await ensureAppSubscriptions(api, [subscription]);
        if (journal) await journal.subscribe(subscription);
      },
    },
    options.logger ?? false,
  );
  ops.register(app, { onRedeliver: () => deliverer.kick() });

  return {
    app,
    store,
    deliverer,
    ...(journal ? { journal } : {}),
    async listen(port, host = '127.0.0.1') {
      await app.listen({ port, host });
      const address = app.server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      ownUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${bound}`;
      return ownUrl;
    },
    async start() {
      if (pushManaged) {
        const created = await configureAppWebhooks(api, publicUrl(), await store.allSubscriptions());
        app.log.info({ created }, 'HubSpot app webhooks point at this relay');
      }
      deliverer.start();
      journal?.start();
      started = true;
    },
    async close() {
      started = false;
      await journal?.stop();
      await deliverer.stop();
      await app.close();
      await ops.close();
    },
  };
}
