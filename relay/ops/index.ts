import type { FastifyInstance } from 'fastify';
import type { RelayConfig } from '../config';
import type { RelayHooks } from '../hooks';
import type { RelayStore } from '../store/types';
import { registerAdmin } from './admin';
import { bearerOf, sameSecret } from './adminAuth';
import { Alerter } from './alerts';
import { JournalLag } from './journalLag';
import { createMetrics } from './metrics';

/**
 * The relay's operations side, put together: metrics at `/metrics`, alerts, the admin page. The service passes its
 * hooks to its workers and calls `register` once its server is built.
 */

/** How often journal lag is checked between reads (a journal that stopped being read emits nothing). */
const LAG_CHECK_MS = 15_000;

export interface Operations {
  hooks: RelayHooks;
  alerter: Alerter;
  register(app: FastifyInstance, deps: { onRedeliver: () => void }): void;
  close(): Promise<void>;
}

export interface OperationsOptions {
  config: RelayConfig;
  store: RelayStore;
  now: () => number;
  /** Outgoing HTTP for alerts (tests replace it). */
  fetcher?: typeof fetch;
}

/** Calls each hook set in turn; `emit` already keeps a throwing hook from reaching the relay. */
export function combineHooks(...sets: RelayHooks[]): RelayHooks {
  const names = new Set(sets.flatMap((s) => Object.keys(s))) as Set<keyof RelayHooks>;
  const combined: Record<string, (info: never) => void> = {};
  for (const name of names) {
    combined[name] = (info: never) => {
      for (const set of sets) {
        try {
          (set[name] as ((i: never) => void) | undefined)?.(info);
        } catch {}
      }
    };
  }
  return combined as RelayHooks;
}

/**
 * `/metrics` is open unless `RELAY_METRICS_TOKEN` is set; then only `Authorization: Bearer <token>` reads it
 * (Prometheus sends it with `authorization: {credentials: …}` in a scrape config,
 * https://prometheus.io/docs/prometheus/latest/configuration/configuration/#scrape_config). Compared timing-safe.
 */
export function metricsAllowed(token: string | undefined, authorization: string | undefined): boolean {
  if (!token) return true;
  const given = bearerOf(authorization);
  return given !== undefined && sameSecret(given, token);
}

export function createOperations(options: OperationsOptions): Operations {
  const { config, store, now } = options;
  const lag = new JournalLag(now);
  const metrics = createMetrics(store, lag);
  let app: FastifyInstance | undefined;
  const alerter = new Alerter({
    ...(config.alertUrl ? { url: config.alertUrl } : {}),
    logger: () => app?.log ?? { error: () => undefined, warn: () => undefined },
    lag,
    lagAlertMs: config.journalLagAlertMs,
    now,
    ...(options.fetcher ? { fetcher: options.fetcher } : {}),
  });
  const lagHooks: RelayHooks = {
    journalRead: ({ portalId, caughtUp }) => lag.record(portalId, caughtUp),
    portalLost: ({ portalId }) => lag.seen(portalId),
  };
  let timer: NodeJS.Timeout | undefined;

  return {
    hooks: combineHooks(lagHooks, metrics.hooks, alerter.hooks),
    alerter,
    register(server, deps) {
      app = server;
      server.get('/metrics', async (req, reply) => {
        if (!metricsAllowed(config.metricsToken, req.headers.authorization)) {
          return reply
            .code(401)
            .header('www-authenticate', 'Bearer realm="metrics"')
            .send({ message: 'Authorization must be "Bearer <RELAY_METRICS_TOKEN>" for /metrics.' });
        }
        return reply
          .header('content-type', metrics.registry.contentType)
          .send(await metrics.registry.metrics());
      });
      if (config.adminToken) {
        registerAdmin(server, { token: config.adminToken, store, now, onRedeliver: deps.onRedeliver });
      }
      timer = setInterval(() => alerter.checkLag(), LAG_CHECK_MS);
      timer.unref();
    },
    async close() {
      clearInterval(timer);
      alerter.close();
      await alerter.flush();
    },
  };
}
