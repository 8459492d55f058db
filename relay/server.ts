import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { HUBSPOT_WEBHOOK_PATH } from './appWebhooks';
import { SUBSCRIPTIONS_PATH } from './contract';
import { emit, type RelayHooks } from './hooks';
import { fromWebhookEvent } from './hubspotEvents';
import { verifyHubSpotSignature } from './hubspotSignature';
import { ingest } from './ingest';
import type { RelayStore, StoredSubscription } from './store/types';
import { RelayError, type SubscriptionDeps, subscribe, unsubscribe } from './subscriptions';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as received: HubSpot signs these bytes. */
    rawBody?: string;
  }
}

export interface ServerDeps extends SubscriptionDeps {
  store: RelayStore;
  hooks: RelayHooks;
  clientSecret?: string;
  /** The relay's public base URL, which HubSpot signs with the path; asked at request time (known after listen). */
  publicUrl: () => string;
  /** Events were stored: start delivering. */
  onEvents: () => void;
  /** A relay subscription was deleted: HubSpot may stop sending what only it needed. Errors are logged, not answered. */
  afterUnsubscribe?: (subscription: StoredSubscription) => Promise<void>;
  /** HubSpot is configured and the workers run: until then `/readyz` says not ready. */
  started: () => boolean;
}

/**
 * Logs: pino's JSON lines, each request as method and path only. Never a header (the bearer token), never a query
 * string, never a body.
 */
export function loggerOptions(stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level: process.env.RELAY_LOG_LEVEL ?? 'info',
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  } as FastifyServerOptions['logger'];
}

function refuse(reply: FastifyReply, deps: ServerDeps, route: string, error: RelayError) {
  emit(deps.hooks, 'refused', { route, status: error.status, reason: error.message });
  return reply
    .code(error.status)
    .send({ status: 'error', message: error.message, ...(error.field ? { field: error.field } : {}) });
}

export function buildServer(
  deps: ServerDeps,
  logger: FastifyServerOptions['logger'] = false,
): FastifyInstance {
  const app = Fastify({ logger, bodyLimit: 1024 * 1024 });

  // Keep the raw text: the HubSpot signature covers the exact bytes, not a re-serialised object.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    req.rawBody = String(body);
    try {
      done(null, body === '' ? undefined : JSON.parse(String(body)));
    } catch {
      done(new RelayError(400, 'The body is not valid JSON.'), undefined);
    }
  });

  app.setErrorHandler((error, req, reply) => {
    const route = req.routeOptions.url ?? 'unknown';
    if (error instanceof RelayError) return refuse(reply, deps, route, error);
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status < 500) {
      return refuse(reply, deps, route, new RelayError(status, 'The request could not be read.'));
    }
    req.log.error({ err: { name: (error as Error).name } }, 'request failed');
    return reply.code(503).send({ status: 'error', message: 'The relay could not do this now; try again.' });
  });

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_req, reply) => {
    try {
      await deps.store.listDeliveries({ limit: 1 });
    } catch {
      return reply
        .code(503)
        .send({ status: 'not ready', reason: 'the store does not answer', store: deps.store.kind });
    }
    if (!deps.started()) {
      return reply.code(503).send({ status: 'not ready', reason: 'starting', store: deps.store.kind });
    }
    return { status: 'ready', store: deps.store.kind };
  });

  app.post(SUBSCRIPTIONS_PATH, async (req, reply) => {
    const created = await subscribe(deps, req.headers.authorization, req.body);
    emit(deps.hooks, 'subscriptionAdded', { subscriptionId: created.id, portalId: created.portalId });
    return reply.code(201).send(created);
  });

  app.delete<{ Params: { id: string } }>(`${SUBSCRIPTIONS_PATH}/:id`, async (req, reply) => {
    const removed = await unsubscribe(deps, req.headers.authorization, req.params.id);
    emit(deps.hooks, 'subscriptionRemoved', { subscriptionId: removed.id, portalId: removed.portalId });
    // The subscription is gone whatever HubSpot says; a journal left wider than needed only costs downloads.
    await deps
      .afterUnsubscribe?.(removed)
      .catch((error: Error) =>
        req.log.warn({ err: { name: error.name, message: error.message } }, 'narrowing the journal failed'),
      );
    return reply.code(204).send();
  });

  app.post(HUBSPOT_WEBHOOK_PATH, async (req, reply) => {
    if (!deps.clientSecret) {
      throw new RelayError(503, 'HUBSPOT_CLIENT_SECRET is not set: pushed events cannot be verified.');
    }
    const check = verifyHubSpotSignature({
      clientSecret: deps.clientSecret,
      method: req.method,
      uri: `${deps.publicUrl()}${req.url}`,
      body: req.rawBody ?? '',
      signature: req.headers['x-hubspot-signature-v3'] as string | undefined,
      timestamp: req.headers['x-hubspot-request-timestamp'] as string | undefined,
      nowMs: deps.now(),
    });
    if (!check.ok) throw new RelayError(401, `${check.reason}.`, 'X-HubSpot-Signature-v3');
    if (!Array.isArray(req.body))
      throw new RelayError(400, 'The body must be a JSON array of HubSpot events.');
    const raw = req.body as Array<Record<string, unknown>>;
    const events = raw
      .filter((e) => deps.appId === undefined || e.appId === undefined || Number(e.appId) === deps.appId)
      .flatMap((e) => fromWebhookEvent(e) ?? []);
    // Durable before acknowledged: HubSpot gets its 204 only after the events are stored.
    const queued = await ingest(deps.store, events, deps.now());
    emit(deps.hooks, 'eventsReceived', { source: 'push', received: raw.length, queued });
    if (queued > 0) deps.onEvents();
    return reply.code(204).send();
  });

  return app;
}
