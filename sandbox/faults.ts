import { isAdminPath } from './adminPath';

/**
 * Fault injection: the next N requests matching a method and path answer a given status and body, wait a given
 * latency, or drop the connection, either before the request is handled or after it (the write is applied, the answer
 * is lost: what a client sees when a connection breaks or times out while HubSpot has already processed its write).
 */
export interface FaultRule {
  /** Any method when absent. */
  method?: string;
  /** Matches when the request path (as sent, without the query) starts with this. */
  path?: string;
  /** Or: matches when this regular expression finds the path. */
  pathPattern?: string;
  /** How many matching requests it applies to (default 1). */
  times?: number;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  latencyMs?: number;
  /** Drop the connection without handling the request: nothing is written. */
  drop?: boolean;
  /** Handle the request as usual (a write is applied and logged), then drop the connection instead of answering. */
  dropAfterHandling?: boolean;
}

export type FaultAction =
  | { kind: 'respond'; status: number; body: unknown; headers: Record<string, string>; latencyMs: number }
  | { kind: 'drop'; latencyMs: number }
  | { kind: 'dropAfterHandling'; latencyMs: number }
  | { kind: 'delay'; latencyMs: number };

export class Faults {
  private rules: Array<FaultRule & { remaining: number }> = [];

  add(rule: FaultRule): void {
    if (!rule.path && !rule.pathPattern) throw new Error('A fault needs a path or a pathPattern.');
    if (rule.pathPattern) new RegExp(rule.pathPattern);
    if (rule.dropAfterHandling && (rule.drop || rule.status !== undefined)) {
      throw new Error(
        'dropAfterHandling handles the request itself: it cannot be combined with drop or status.',
      );
    }
    this.rules.push({ ...rule, remaining: rule.times ?? 1 });
  }

  reset(): void {
    this.rules = [];
  }

  pending(): number {
    return this.rules.reduce((n, r) => n + r.remaining, 0);
  }

  /** Takes the first matching rule for this request, if any. */
  take(method: string, path: string): FaultAction | undefined {
    if (isAdminPath(path)) return undefined;
    const rule = this.rules.find((r) => r.remaining > 0 && matches(r, method, path));
    if (!rule) return undefined;
    rule.remaining--;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    const latencyMs = rule.latencyMs ?? 0;
    if (rule.drop) return { kind: 'drop', latencyMs };
    if (rule.dropAfterHandling) return { kind: 'dropAfterHandling', latencyMs };
    if (rule.status !== undefined) {
      return {
        kind: 'respond',
        status: rule.status,
        body: rule.body,
        headers: rule.headers ?? {},
        latencyMs,
      };
    }
    return { kind: 'delay', latencyMs };
  }
}

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  if (rule.pathPattern) return new RegExp(rule.pathPattern).test(path);
  return path.startsWith(rule.path ?? '');
}
