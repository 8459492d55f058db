import { loadConfig } from '../../relay/config';
import { createRelay } from '../../relay/service';
import { openStore } from '../../relay/store';

describe('relay service', () => {
  it('says ready only once started', async () => {
    const store = await openStore('sqlite::memory:');
    const relay = createRelay({ config: loadConfig({ HUBSPOT_BASE_URL: 'http://127.0.0.1:9' }), store });
    try {
      const url = await relay.listen(0);
      const before = await fetch(`${url}/readyz`);
      expect(before.status).toBe(503);
      expect(await before.json()).toEqual({ status: 'not ready', reason: 'starting', store: 'sqlite' });
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      await relay.start();
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
    } finally {
      await relay.close();
      await store.close();
    }
  });

  it('refuses pushed events without a client secret, and a subscription body that is not JSON', async () => {
    const store = await openStore('sqlite::memory:');
    const relay = createRelay({ config: loadConfig({}), store });
    try {
      const url = await relay.listen(0);
      const res = await fetch(`${url}/v1/hubspot/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '[]',
      });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { message: string }).message).toBe(
        'HUBSPOT_CLIENT_SECRET is not set: pushed events cannot be verified.',
      );
      const text = await fetch(`${url}/v1/subscriptions`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', authorization: 'Bearer some-token' },
        body: 'hello',
      });
      expect(text.status).toBe(400);
      expect(((await text.json()) as { message: string }).message).toBe(
        'The body must be a JSON object {targetUrl, objectType, event, property?, values?}.',
      );
    } finally {
      await relay.close();
      await store.close();
    }
  });

  it('names the database setting it cannot use', async () => {
    await expect(openStore('mysql://x')).rejects.toThrow(
      'RELAY_DATABASE_URL must start with postgres://, postgresql:// or sqlite:.',
    );
  });
});
