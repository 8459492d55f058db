import { createHash } from 'node:crypto';
import { isAdminPath } from './adminPath';

/**
 * Every request the sandbox answered, so tests and benchmarks can count exactly how many HubSpot calls an operation
 * spent. Tokens are never stored: each is reduced to a short fingerprint.
 */
export interface LogEntry {
  at: number;
  method: string;
  path: string;
  /** The route pattern that answered, e.g. `POST /crm/v3/objects/:objectType/search`; `unrouted` otherwise. */
  endpoint: string;
  status: number;
  /** The query string as sent, without `?`. */
  query?: string;
  /** The parsed request body (JSON, form fields, or a multipart summary), so tests can compare what two clients sent. */
  body?: unknown;
  token?: string;
}

export const tokenFingerprint = (token: string) =>
  `tok_${createHash('sha256').update(token).digest('hex').slice(0, 10)}`;

export class RequestLog {
  private entries: LogEntry[] = [];

  add(entry: LogEntry): void {
    if (isAdminPath(entry.path)) return;
    this.entries.push(entry);
  }

  all(): readonly LogEntry[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }

  /** Request count per endpoint pattern. */
  countsByEndpoint(): Record<string, number> {
    return countBy(this.entries, (e) => e.endpoint);
  }

  /** Request count per token fingerprint. */
  countsByToken(): Record<string, number> {
    return countBy(
      this.entries.filter((e) => e.token),
      (e) => e.token!,
    );
  }

  summary() {
    return { total: this.entries.length, byEndpoint: this.countsByEndpoint(), byToken: this.countsByToken() };
  }
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}
