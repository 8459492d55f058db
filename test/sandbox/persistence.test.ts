import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findStandardObjectType, type ObjectTypeDef } from '../../hubspot/objectTypes';
import { createSandbox, ManualClock } from '../../sandbox';
import { text } from '../../sandbox/defaults/build';
import { DataFileError, persistSandbox, writeFileAtomic } from '../../sandbox/persistence';
import { type ServerOptions, startSandboxServer } from '../../sandbox/server';

/** Restarts go through the library (`startSandboxServer`), as the CLI does; cli.test.ts covers the process. */
describe('sandbox persistence (--data)', () => {
  let dir: string;
  let file: string;
  const options = (extra: Partial<ServerOptions> = {}): ServerOptions => ({
    port: 0,
    host: '127.0.0.1',
    seed: 0,
    appType: 'private',
    indexLagMs: 0,
    data: file,
    clock: new ManualClock(),
    saveDebounceMs: 10,
    ...extra,
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-data-'));
    file = join(dir, 'state.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('restores every store and reuses the printed token after a restart', async () => {
    const first = await startSandboxServer(options({ seed: 30, tier: 'professional' }));
    const { portal } = first.sandbox;
    const contacts = findStandardObjectType('contacts')!;
    const custom: ObjectTypeDef & { fullyQualifiedName: string } = {
      ...contacts,
      name: 'cars',
      objectTypeId: '2-9001',
      singular: 'Car',
      plural: 'Cars',
      custom: true,
      fullyQualifiedName: 'p62515_cars',
    };
    portal.objectTypes.addCustom(custom);
    portal.properties.put(contacts, {
      ...text('favourite_colour', 'Favourite colour', 'contactinformation'),
      displayOrder: -1,
      createdAt: portal.now(),
      updatedAt: portal.now(),
    });
    first.persistence!.markChanged();
    const write = (method: string, path: string, body: unknown) =>
      fetch(first.url + path, {
        method,
        headers: {
          authorization: `Bearer ${first.credentials.accessToken}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
    const contact = await write('POST', '/crm/v3/objects/contacts', {
      properties: { email: 'kept@example.test' },
    });
    expect(contact.status).toBe(201);
    const pipeline = await write('POST', '/crm/v3/pipelines/deals', {
      label: 'Renewals',
      displayOrder: 5,
      stages: [{ label: 'Due', displayOrder: 0, metadata: { probability: '0.5' } }],
    });
    expect(pipeline.status).toBe(201);
    const pipelineId = ((await pipeline.json()) as { id: string }).id;
    // A mutating request answered 2xx also schedules a save.
    const created = await fetch(`${first.url}/__sandbox/tokens`, { method: 'POST' });
    const { token: extraToken } = (await created.json()) as { token: string };
    const before = JSON.parse(JSON.stringify(portal.toJSON()));
    expect(before.records.length).toBeGreaterThanOrEqual(30 + 3 + 6);
    await first.close();

    const second = await startSandboxServer(options({ seed: 500 }));
    try {
      expect(second.restored).toBe(true);
      expect(second.credentials.accessToken).toBe(first.credentials.accessToken);
      // Association edges come back in another order (and may be written from the other side): compare them as a set.
      const after = JSON.parse(JSON.stringify(second.sandbox.portal.toJSON()));
      const { edges, ...associations } = before.associations;
      expect({ ...after, associations: { ...after.associations, edges: [] } }).toEqual({
        ...before,
        associations: { ...associations, edges: [] },
      });
      expect(edges.length).toBeGreaterThan(0);
      expect(after.associations.edges).toHaveLength(edges.length);
      const restored = second.sandbox.portal.associations;
      for (const [fromType, fromId, toType, toId, typeId, category] of edges) {
        expect(restored.targets(fromType, fromId, toType).get(toId)?.get(typeId)).toBe(category);
      }
      expect(second.sandbox.portal.info.tier).toBe('professional');
      expect(before.owners).not.toEqual({});
      const read = (path: string) =>
        fetch(second.url + path, { headers: { authorization: `Bearer ${second.credentials.accessToken}` } });
      expect((await read(`/crm/v3/pipelines/deals/${pipelineId}`)).status).toBe(200);
      const kept = await read('/crm/v3/objects/contacts/kept@example.test?idProperty=email');
      expect(((await kept.json()) as { properties: Record<string, string> }).properties.email).toBe(
        'kept@example.test',
      );
      expect(second.sandbox.portal.objectTypes.find('p62515_cars')?.objectTypeId).toBe('2-9001');
      expect(second.sandbox.portal.properties.get(contacts, 'favourite_colour')?.label).toBe(
        'Favourite colour',
      );
      // Ids keep growing past the restored ones.
      const highest = Math.max(...before.records.map((r: { id: string }) => Number(r.id)));
      expect(Number(second.sandbox.portal.ids.take())).toBeGreaterThan(highest);
      for (const token of [second.credentials.accessToken, extraToken]) {
        const res = await fetch(`${second.url}/account-info/v3/details`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(res.status).toBe(200);
      }
    } finally {
      await second.close();
    }
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('renews an OAuth launcher token from the stored refresh token', async () => {
    const clock = new ManualClock();
    const first = await startSandboxServer(options({ appType: 'oauth', clock }));
    await first.close();
    clock.advance(3 * 3_600_000);
    const second = await startSandboxServer(options({ appType: 'oauth', clock }));
    try {
      const { credentials } = second;
      expect(second.lines.map((l) => l.slice(0, l.indexOf('=')))).toEqual([
        'HUBSPOT_BASE_URL',
        'HUBSPOT_ACCESS_TOKEN',
        'HUBSPOT_REFRESH_TOKEN',
        'HUBSPOT_CLIENT_ID',
        'HUBSPOT_CLIENT_SECRET',
        'HUBSPOT_APP_ID',
        'HUBSPOT_DEVELOPER_API_KEY',
      ]);
      expect(credentials.developerApiKey).toBe(first.credentials.developerApiKey);
      expect(credentials.appId).toBe(first.credentials.appId);
      expect(second.lines[2]).toBe(`HUBSPOT_REFRESH_TOKEN=${first.credentials.refreshToken}`);
      expect(credentials.refreshToken).toBe(first.credentials.refreshToken);
      expect(credentials.clientId).toBe(first.credentials.clientId);
      expect(credentials.clientSecret).toBe(first.credentials.clientSecret);
      expect(credentials.accessToken).not.toBe(first.credentials.accessToken);
      const call = (token: string) =>
        fetch(`${second.url}/account-info/v3/details`, { headers: { authorization: `Bearer ${token}` } });
      expect((await call(credentials.accessToken)).status).toBe(200);
      expect((await call(first.credentials.accessToken)).status).toBe(401);
    } finally {
      await second.close();
    }
  });

  it('saves once per debounce window, only after mutating requests answered 2xx', async () => {
    const sandbox = createSandbox();
    const token = sandbox.portal.auth.createPrivateAppToken();
    const persistence = persistSandbox(sandbox, file, { debounceMs: 30 });
    const send = (method: string, url: string) =>
      sandbox.handle({ method, url, headers: { authorization: `Bearer ${token}` } });
    await send('GET', '/account-info/v3/details');
    await send('POST', '/__sandbox/nothing-here');
    await new Promise((r) => setTimeout(r, 60));
    expect(persistence.saves).toBe(0);
    for (let i = 0; i < 5; i++) await send('POST', '/__sandbox/tokens');
    await new Promise((r) => setTimeout(r, 80));
    expect(persistence.saves).toBe(1);
    expect(JSON.parse(readFileSync(file, 'utf8')).auth.tokens).toHaveLength(6);
    await send('DELETE', '/__sandbox/log');
    persistence.close();
    expect(persistence.saves).toBe(2);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('refuses a corrupt data file with a clear error and leaves it untouched', async () => {
    for (const content of [
      '{"format": "hubspot-bridge-sandbox/1", "records": [',
      '{"format":"something-else"}',
    ]) {
      writeFileSync(file, content);
      const start = startSandboxServer(options());
      await expect(start).rejects.toBeInstanceOf(DataFileError);
      await expect(start).rejects.toThrow(file);
      expect(readFileSync(file, 'utf8')).toBe(content);
    }
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('writes atomically: a failed write leaves neither a temp file nor a changed target', () => {
    writeFileAtomic(file, 'first');
    expect(readFileSync(file, 'utf8')).toBe('first');
    writeFileAtomic(file, 'second');
    expect(readFileSync(file, 'utf8')).toBe('second');
    // Renaming onto a directory fails after the temp file was written: it must be cleaned up.
    const blocked = join(dir, 'blocked');
    mkdirSync(blocked);
    expect(() => writeFileAtomic(blocked, 'data')).toThrow();
    expect(readdirSync(dir).sort()).toEqual(['blocked', 'state.json']);
  });
});
