import { type Browser, chromium } from 'playwright-core';
import { ADMIN_TOKEN, type OpsRelay, startOpsRelay } from './support/opsRelay';

const DAY_MS = 24 * 3_600_000;

/** Makes the subscription's first event a dead letter: the hook fails for more than 24 h (on the moved clock). */
async function deadLetter(ops: OpsRelay, eventId: number): Promise<number> {
  ops.hook.answer(500);
  await ops.push([eventId]);
  await ops.hook.waitFor((calls) => calls.length >= 1);
  ops.clock.now += DAY_MS + 1_000;
  ops.relay.deliverer.kick();
  const until = Date.now() + 10_000;
  for (;;) {
    const [dead] = await ops.store.listDeliveries({ status: 'dead' });
    if (dead) {
      ops.hook.answer(200);
      return dead.id;
    }
    if (Date.now() > until) throw new Error('no dead letter');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The admin page in headless Chromium (Debian's, driven by playwright-core): sign in, redeliver a dead letter. */
describe('relay admin page in a browser', () => {
  let ops: OpsRelay;
  let browser: Browser;

  beforeAll(async () => {
    ops = await startOpsRelay();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await ops?.close();
  });

  it('signs in, shows the dead letter, redelivers it to the hook', async () => {
    const deadId = await deadLetter(ops, 501);
    const context = await browser.newContext();
    const page = await context.newPage();

    await page.goto(`${ops.url}/admin`);
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await page.fill('input[name=token]', 'wrong-token');
    await page.click('button[type=submit]');
    await expect(page.textContent('body')).resolves.toContain('That is not the admin token');

    await page.fill('input[name=token]', ADMIN_TOKEN);
    await page.click('button[type=submit]');
    expect(new URL(page.url()).pathname).toBe('/admin');
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'relay_admin', httpOnly: true, sameSite: 'Strict', path: '/admin' });
    expect(cookie?.value).not.toContain(ADMIN_TOKEN);

    await expect(page.textContent('body')).resolves.toContain('Portal 777 (1)');
    await expect(page.textContent('body')).resolves.not.toContain(new URL(ops.hook.url).pathname);
    const deadRow = page.locator('h2:has-text("Dead letters") + table tbody tr');
    await expect(deadRow.count()).resolves.toBe(1);
    await expect(deadRow.textContent()).resolves.toContain('the target answered HTTP 500');

    const before = ops.hook.calls.length;
    await page.click(`button[aria-label="Redeliver ${deadId}"]`);
    await expect(page.textContent('[role=status]')).resolves.toContain('1 dead letter(s) put back in line');
    await ops.hook.waitFor((calls) => calls.length > before && calls.at(-1)?.status === 200);
    expect(ops.hook.calls.at(-1)?.delivery.events.map((e) => e.eventId)).toEqual(['501']);

    await page.reload();
    await expect(page.textContent('body')).resolves.toContain('No dead letters.');
    await expect(page.locator('.delivered').count()).resolves.toBeGreaterThan(0);
    await context.close();
  });
});

describe('relay admin access rules', () => {
  let ops: OpsRelay;
  beforeAll(async () => {
    ops = await startOpsRelay();
    await ops.store.addSubscription(
      {
        ...ops.subscription,
        id: 'sub-<b>bold</b>',
        portalId: 778,
        objectType: '<img src=x onerror=alert(1)>',
      },
      100,
    );
  });
  afterAll(async () => {
    await ops?.close();
  });

  const admin = (init: RequestInit & { path?: string } = {}) =>
    fetch(`${ops.url}${init.path ?? '/admin'}`, { redirect: 'manual', ...init });

  it('answers a bearer token, refuses a wrong one, escapes what it shows, forbids scripts', async () => {
    expect((await admin({ headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    const res = await admin({ headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('sub-&lt;b&gt;bold&lt;/b&gt;');
  });

  it('refuses a cookie-session redeliver without the CSRF token or from another origin', async () => {
    const login = await admin({
      path: '/admin/login',
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${encodeURIComponent(ADMIN_TOKEN)}`,
    });
    expect(login.status).toBe(303);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const page = await (await admin({ headers: { cookie } })).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1];
    expect(csrf).toBeDefined();
    const redeliver = (body: string, origin?: string) =>
      admin({
        path: '/admin/redeliver',
        method: 'POST',
        headers: {
          cookie,
          'content-type': 'application/x-www-form-urlencoded',
          ...(origin ? { origin } : {}),
        },
        body,
      });
    expect((await redeliver('id=1')).status).toBe(403);
    expect((await redeliver(`id=1&csrf=${csrf}`, 'https://evil.example')).status).toBe(403);
    expect((await redeliver(`id=abc&csrf=${csrf}`)).status).toBe(400);
    const ok = await redeliver(`id=999999&csrf=${csrf}`);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/admin?redelivered=0');
  });

  it('takes a JSON redeliver with the bearer token', async () => {
    const res = await admin({
      path: '/admin/redeliver',
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [123456] }),
    });
    expect(res.status).toBe(200);
    await expect(res.json()).resolves.toEqual({ redelivered: 0 });
    expect(
      (
        await admin({
          path: '/admin/redeliver',
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"ids":[1]}',
        })
      ).status,
    ).toBe(401);
  });
});

describe('relay admin without RELAY_ADMIN_TOKEN', () => {
  it('is not served at all', async () => {
    const ops = await startOpsRelay({ RELAY_ADMIN_TOKEN: '' });
    try {
      expect((await fetch(`${ops.url}/admin`)).status).toBe(404);
      expect((await fetch(`${ops.url}/admin/login`)).status).toBe(404);
      expect((await fetch(`${ops.url}/metrics`)).status).toBe(200);
    } finally {
      await ops.close();
    }
  });
});
