import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RelayStore } from '../store/types';
import {
  bearerOf,
  clearedCookie,
  cookieOf,
  csrfFor,
  newSession,
  SESSION_COOKIE,
  sameSecret,
  sessionCookie,
  validSession,
} from './adminAuth';
import { adminPage, CONTENT_SECURITY_POLICY, loginPage } from './adminPage';

/**
 * `/admin`: subscriptions per portal, recent deliveries, dead letters with a redeliver button. Registered only when
 * `RELAY_ADMIN_TOKEN` is set. State-changing requests are POSTs that must come from this origin (the `Origin`
 * header, which browsers send on every POST) and, with a cookie session, carry the session's CSRF token
 * (https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html).
 */

export interface AdminDeps {
  token: string;
  store: RelayStore;
  now: () => number;
  /** Dead letters were put back in line: deliver now. */
  onRedeliver: () => void;
}

type Caller = { kind: 'bearer' } | { kind: 'cookie'; session: string } | undefined;

function caller(req: FastifyRequest, deps: AdminDeps): Caller {
  const bearer = bearerOf(req.headers.authorization);
  if (bearer !== undefined) return sameSecret(bearer, deps.token) ? { kind: 'bearer' } : undefined;
  const session = cookieOf(req.headers.cookie, SESSION_COOKIE);
  return session && validSession(deps.token, session, deps.now()) ? { kind: 'cookie', session } : undefined;
}

/** A POST from another site's page names that site in `Origin`; ours names our own host. */
function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function html(reply: FastifyReply, status: number, body: string) {
  return (
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      // Not `no-referrer`: under it browsers send `Origin: null` on the page's own POSTs, defeating the origin check.
      .header('referrer-policy', 'same-origin')
      .header('cache-control', 'no-store')
      .send(body)
  );
}

const secureRequest = (req: FastifyRequest) =>
  req.protocol === 'https' || req.headers['x-forwarded-proto'] === 'https';

export function registerAdmin(app: FastifyInstance, deps: AdminDeps): void {
  app.register(async (scope) => {
    // Forms post urlencoded bodies; parsed here only, so the rest of the relay still takes JSON alone.
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 4096 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );

    scope.get('/admin/login', async (_req, reply) => html(reply, 200, loginPage()));

    scope.post('/admin/login', async (req, reply) => {
      if (!sameOrigin(req)) return html(reply, 403, loginPage('Sign in from this page.'));
      const given = (req.body as Record<string, unknown> | undefined)?.token;
      if (typeof given !== 'string' || !sameSecret(given, deps.token)) {
        req.log.warn('admin sign-in refused');
        return html(reply, 401, loginPage('That is not the admin token (RELAY_ADMIN_TOKEN).'));
      }
      return reply
        .header('set-cookie', sessionCookie(newSession(deps.token, deps.now()), secureRequest(req)))
        .redirect('/admin', 303);
    });

    scope.post('/admin/logout', async (_req, reply) =>
      reply.header('set-cookie', clearedCookie()).redirect('/admin/login', 303),
    );

    scope.get('/admin', async (req, reply) => {
      const who = caller(req, deps);
      if (!who) {
        if (req.headers.authorization) return html(reply, 401, loginPage('That is not the admin token.'));
        return reply.redirect('/admin/login', 303);
      }
      const [subscriptions, recent, dead] = await Promise.all([
        deps.store.allSubscriptions(),
        deps.store.listDeliveries({ limit: 50 }),
        deps.store.listDeliveries({ status: 'dead', limit: 200 }),
      ]);
      const query = req.query as { redelivered?: string };
      const notice =
        query.redelivered !== undefined && /^\d+$/.test(query.redelivered)
          ? `${query.redelivered} dead letter(s) put back in line for delivery.`
          : undefined;
      return html(
        reply,
        200,
        adminPage({
          subscriptions,
          recent,
          dead,
          ...(who.kind === 'cookie' ? { csrf: csrfFor(deps.token, who.session) } : {}),
          ...(notice ? { notice } : {}),
        }),
      );
    });

    scope.post('/admin/redeliver', async (req, reply) => {
      const who = caller(req, deps);
      if (!who) return reply.code(401).send({ status: 'error', message: 'The admin token is required.' });
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (who.kind === 'cookie') {
        const csrf = typeof body.csrf === 'string' ? body.csrf : '';
        if (!sameOrigin(req) || !sameSecret(csrf, csrfFor(deps.token, who.session))) {
          return reply
            .code(403)
            .send({ status: 'error', message: 'csrf: the form is stale; reload the page.' });
        }
      }
      const raw = Array.isArray(body.ids) ? body.ids : [body.id];
      const ids = raw.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
      if (ids.length === 0 || ids.length !== raw.length) {
        return reply
          .code(400)
          .send({ status: 'error', field: 'id', message: 'id must be a dead letter id (a whole number).' });
      }
      const redelivered = await deps.store.redeliver(ids);
      req.log.info({ redelivered, asked: ids.length }, 'dead letters redelivered from the admin page');
      if (redelivered > 0) deps.onRedeliver();
      if (who.kind === 'bearer') return { redelivered };
      return reply.redirect(`/admin?redelivered=${redelivered}`, 303);
    });
  });
}
