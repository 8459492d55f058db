import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Delivery, newSecret, type RelayEvent, signDelivery } from '../../relay/contract';

/**
 * A stand-in for the events relay: the contract's two endpoints (`relay/contract.ts`), nothing else. Subscriptions
 * are kept in memory with the token that made them; only that token may delete one. The real relay lands on its own
 * branch; its end-to-end test replaces this.
 */
export interface FakeSubscription {
  id: string;
  secret: string;
  token: string;
  body: Record<string, unknown>;
}

export async function startFakeRelay() {
  const subscriptions = new Map<string, FakeSubscription>();
  let next = 1;
  const server = createServer((req, res) => {
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      if (!token) return res.writeHead(401).end();
      if (req.method === 'POST' && req.url === '/v1/subscriptions') {
        const body = JSON.parse(raw) as Record<string, unknown>;
        const sub = { id: `sub_${next++}`, secret: newSecret(), token, body };
        subscriptions.set(sub.id, sub);
        res.writeHead(201, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ id: sub.id, secret: sub.secret, portalId: 62515, ...body }));
      }
      const match = /^\/v1\/subscriptions\/([^/]+)$/.exec(req.url ?? '');
      if (req.method === 'DELETE' && match) {
        const sub = subscriptions.get(decodeURIComponent(match[1]!));
        if (!sub) return res.writeHead(404).end();
        if (sub.token !== token) return res.writeHead(403).end();
        subscriptions.delete(sub.id);
        return res.writeHead(204).end();
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    subscriptions,
    /** The one subscription whose hook is `targetUrl`. */
    byTarget: (targetUrl: string) => [...subscriptions.values()].find((s) => s.body.targetUrl === targetUrl),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The delivery the relay would send for a subscription, and its Standard Webhooks headers. */
export function signedDelivery(sub: FakeSubscription, events: RelayEvent[]) {
  const delivery: Delivery = {
    subscriptionId: sub.id,
    portalId: 62515,
    objectType: String(sub.body.objectType),
    event: sub.body.event as Delivery['event'],
    events,
  };
  const body = JSON.stringify(delivery);
  const at = Math.floor(Date.now() / 1000);
  const id = `msg_${sub.id}_${at}`;
  return {
    delivery,
    body,
    headers: {
      'webhook-id': id,
      'webhook-timestamp': String(at),
      'webhook-signature': signDelivery(sub.secret, id, at, body),
    },
  };
}

/** As Zapier hands a hook request to `perform`: header names with its `Http-` prefix (zapier-platform#290). */
export function asZapierRawRequest(signed: ReturnType<typeof signedDelivery>) {
  const headers = Object.fromEntries(
    Object.entries(signed.headers).map(([k, v]) => [
      `Http-${k.replace(/(^|-)([a-z])/g, (_m, d, c) => d + c.toUpperCase())}`,
      v,
    ]),
  );
  return { method: 'POST', headers, content: signed.body };
}
