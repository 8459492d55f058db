import type { FaultRule } from './faults';
import type { LogEntry } from './requestLog';
import type { SandboxSettings, SandboxSettingsUpdate } from './routes/admin';
import type { DeliveryAttempt } from './webhooks/dispatcher';

/**
 * A typed client for the sandbox admin API (`routes/admin.ts`), for tests and benchmarks that reach a sandbox over
 * HTTP (another process, or `npm run sandbox`). Only `fetch`; no token needed, but a loopback base URL (`localOnly.ts`).
 *
 *   const admin = new SandboxAdmin(process.env.HUBSPOT_BASE_URL!);
 *   await admin.clearLog();
 *   ...
 *   expect((await admin.log()).byEndpoint['POST /crm/v3/objects/:objectType/search']).toBe(1);
 */

export interface LogSummary {
  total: number;
  /** Count per route pattern, e.g. `POST /crm/v3/objects/:objectType`. */
  byEndpoint: Record<string, number>;
  /** Count per token fingerprint (`tok_…`); never the token itself. */
  byToken: Record<string, number>;
}

export interface OAuthAppCredentials {
  clientId: string;
  clientSecret: string;
  appId: number;
}

export interface WebhookDeliveries {
  /** Events waiting for a delivery or a retry. */
  pending: number;
  deliveries: DeliveryAttempt[];
}

export type { DeliveryAttempt, FaultRule, LogEntry, SandboxSettings, SandboxSettingsUpdate };

export class SandboxAdminError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`Sandbox admin ${what} answered ${status}: ${JSON.stringify(body)}`);
  }
}

export class SandboxAdmin {
  private readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** Request counts since the last `clearLog()`; with `entries: true`, every entry too. */
  log(options: { entries: true }): Promise<LogSummary & { entries: LogEntry[] }>;
  log(options?: { entries?: boolean }): Promise<LogSummary>;
  log(options: { entries?: boolean } = {}): Promise<LogSummary & { entries?: LogEntry[] }> {
    return this.call('GET', `log${options.entries ? '?entries=true' : ''}`);
  }

  clearLog(): Promise<void> {
    return this.call('DELETE', 'log');
  }

  /** Queues faults for the next matching requests; answers how many injections are pending. */
  addFaults(rules: FaultRule | FaultRule[]): Promise<{ pending: number }> {
    return this.call('POST', 'faults', rules);
  }

  clearFaults(): Promise<void> {
    return this.call('DELETE', 'faults');
  }

  /** A new private-app token; every scope unless told otherwise. */
  createToken(options: { scopes?: string[] } = {}): Promise<{ token: string }> {
    return this.call('POST', 'tokens', options);
  }

  /** Every webhook delivery attempt so far, and how many events wait. */
  webhookDeliveries(): Promise<WebhookDeliveries> {
    return this.call('GET', 'webhooks/deliveries');
  }

  /** Delivers the webhook events due now (retries included once the clock reaches them) and waits for answers. */
  flushWebhooks(): Promise<WebhookDeliveries> {
    return this.call('POST', 'webhooks/flush');
  }

  /** Registers an OAuth app, for `/oauth/authorize` and the token endpoints (`/oauth/v3/token`, v1, 2026-03). */
  registerOAuthApp(options: { clientId?: string; clientSecret?: string } = {}): Promise<OAuthAppCredentials> {
    return this.call('POST', 'oauth-apps', options);
  }

  settings(): Promise<SandboxSettings> {
    return this.call('GET', 'settings');
  }

  updateSettings(update: SandboxSettingsUpdate): Promise<SandboxSettings> {
    return this.call('PUT', 'settings', update);
  }

  /** Empties every rate-limit window and today's usage. */
  resetLimits(): Promise<void> {
    return this.call('POST', 'limits/reset');
  }

  /** Moves the sandbox clock forward; the sandbox must run on a ManualClock (else SandboxAdminError 400). */
  advanceClock(ms: number): Promise<{ now: string; epochMs: number }> {
    return this.call('POST', 'clock/advance', { ms });
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.fetchImpl(`${this.baseUrl}/__sandbox/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed: unknown = text === '' ? undefined : JSON.parse(text);
    if (!res.ok) throw new SandboxAdminError(res.status, parsed, `${method} /__sandbox/${path}`);
    return parsed as T;
  }
}
