import { ADMIN_PREFIX } from '../adminPath';
import { ManualClock } from '../clock';
import { validationError } from '../errors';
import { PORTAL_TIERS, type PortalTier } from '../facts/limits';
import type { FaultRule } from '../faults';
import { json, noContent, objectBody, type SandboxRequest } from '../http';
import type { Sandbox } from '../index';
import type { Portal } from '../portal';
import type { RateLimitOverrides } from '../state/rateLimits';

/**
 * The sandbox's admin API (not HubSpot's): request log, fault injection, tokens, OAuth apps, webhook deliveries,
 * settings, limits and the clock, for tests and benchmarks that drive a sandbox over HTTP. Typed client: `../adminClient.ts`.
 * Answers never carry an existing token, only the one a call just created. Only local callers with JSON bodies get
 * here (`../localOnly.ts`).
 */

export interface SandboxSettings {
  searchIndexLagMs: number;
  tier: PortalTier;
  rateLimits: { enabled: boolean } & RateLimitOverrides;
}

export interface SandboxSettingsUpdate {
  searchIndexLagMs?: number;
  tier?: PortalTier;
  /** `true`/`false` switches limiting; an object also replaces the overrides (absent fields: HubSpot's figures). */
  rateLimits?: boolean | ({ enabled?: boolean } & RateLimitOverrides);
}

export function adminRoutes(sandbox: Sandbox): void {
  const { router, portal, log, faults } = sandbox;
  const open = { auth: 'none', lane: 'none' } as const;
  const path = (tail: string) => ADMIN_PREFIX + tail;

  router.get(path('log'), open, (req) =>
    json(200, { ...log.summary(), ...(req.query.bool('entries') ? { entries: log.all() } : {}) }),
  );
  router.delete(path('log'), open, () => {
    log.clear();
    return noContent();
  });

  router.post(path('faults'), open, (req) => {
    const rules = (Array.isArray(req.body) ? req.body : [objectBody(req)]) as FaultRule[];
    for (const rule of rules) {
      try {
        faults.add(rule);
      } catch (error) {
        throw validationError(`Invalid fault rule: ${(error as Error).message}`);
      }
    }
    return json(201, { pending: faults.pending() });
  });
  router.delete(path('faults'), open, () => {
    faults.reset();
    return noContent();
  });

  router.post(path('tokens'), open, (req) => {
    const scopes = optionalBody(req).scopes;
    if (scopes !== undefined && !(Array.isArray(scopes) && scopes.every((s) => typeof s === 'string'))) {
      throw validationError('scopes must be an array of scope names.');
    }
    return json(201, {
      token: portal.auth.createPrivateAppToken({ scopes: scopes as string[] | undefined }),
    });
  });

  router.post(path('oauth-apps'), open, (req) => {
    const body = optionalBody(req);
    const { clientId, clientSecret } = body;
    if ([clientId, clientSecret].some((v) => v !== undefined && typeof v !== 'string')) {
      throw validationError('clientId and clientSecret must be strings when given.');
    }
    if (typeof clientId === 'string' && portal.auth.findOAuthApp(clientId)) {
      throw validationError(`An OAuth app with clientId '${clientId}' is already registered.`);
    }
    const app = portal.auth.registerOAuthApp({
      clientId: clientId as string | undefined,
      clientSecret: clientSecret as string | undefined,
    });
    return json(201, { clientId: app.clientId, clientSecret: app.clientSecret, appId: app.appId });
  });

  const deliveries = () =>
    json(200, { pending: sandbox.webhooks.pending(), deliveries: sandbox.webhooks.deliveries() });
  router.get(path('webhooks/deliveries'), open, deliveries);
  router.post(path('webhooks/flush'), open, async () => {
    await sandbox.webhooks.flush();
    return deliveries();
  });

  router.get(path('settings'), open, () => json(200, settingsOf(portal)));
  router.put(path('settings'), open, (req) => {
    applySettings(portal, objectBody(req) as SandboxSettingsUpdate);
    return json(200, settingsOf(portal));
  });

  router.post(path('limits/reset'), open, () => {
    portal.limits.reset();
    return noContent();
  });

  router.post(path('clock/advance'), open, (req) => {
    if (!(portal.clock instanceof ManualClock)) {
      throw validationError(
        'The sandbox runs on the system clock; only a sandbox on a ManualClock can advance time.',
      );
    }
    const { ms } = objectBody(req);
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
      throw validationError('ms must be a non-negative number of milliseconds.');
    }
    portal.clock.advance(ms);
    return json(200, { now: new Date(portal.now()).toISOString(), epochMs: portal.now() });
  });
}

function optionalBody(req: SandboxRequest): Record<string, unknown> {
  return req.body === undefined ? {} : objectBody(req);
}

function settingsOf(portal: Portal): SandboxSettings {
  return {
    searchIndexLagMs: portal.searchIndexLagMs,
    tier: portal.info.tier,
    rateLimits: { enabled: portal.limits.enabled, ...portal.limits.overrides },
  };
}

/** Validates the whole update before changing anything, so a bad field leaves the settings as they were. */
function applySettings(portal: Portal, update: SandboxSettingsUpdate): void {
  const { searchIndexLagMs, tier, rateLimits } = update;
  if (searchIndexLagMs !== undefined && !isCount(searchIndexLagMs)) {
    throw validationError('searchIndexLagMs must be a non-negative integer.');
  }
  if (tier !== undefined && !PORTAL_TIERS.includes(tier)) {
    throw validationError(`tier must be one of ${PORTAL_TIERS.join(', ')}.`);
  }
  let overrides: RateLimitOverrides | undefined;
  if (rateLimits !== undefined && typeof rateLimits !== 'boolean') {
    if (typeof rateLimits !== 'object' || rateLimits === null) {
      throw validationError('rateLimits must be true, false or an object.');
    }
    const { enabled, ...rest } = rateLimits;
    if (enabled !== undefined && typeof enabled !== 'boolean')
      throw validationError('rateLimits.enabled must be a boolean.');
    for (const [name, value] of Object.entries(rest)) {
      if (!['burst', 'daily', 'searchPerSecond'].includes(name) || !isCount(value) || value === 0) {
        throw validationError(`rateLimits.${name} is not a setting, or not a positive integer.`);
      }
    }
    overrides = rest;
  }

  if (searchIndexLagMs !== undefined) portal.searchIndexLagMs = searchIndexLagMs;
  if (tier !== undefined) {
    portal.info.tier = tier;
    portal.limits.tier = tier;
  }
  if (typeof rateLimits === 'boolean') portal.limits.enabled = rateLimits;
  else if (rateLimits) {
    if (rateLimits.enabled !== undefined) portal.limits.enabled = rateLimits.enabled;
    portal.limits.overrides = overrides ?? {};
  }
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;
