import type { Sandbox } from '../../../sandbox';
import type { FaultRule } from '../../../sandbox/adminClient';

/**
 * The faults of the matrix, as sandbox fault rules for one request (method + exact path). Bodies are HubSpot's own:
 * 429 per policy (https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines), 401 for an
 * expired OAuth token, 423 Locked ("Locks will last for 2 seconds",
 * https://developers.hubspot.com/docs/api-reference/error-handling).
 */

/** Every fault of the write matrix, in the table's order. */
export const FAULT_KEYS = [
  '429 TEN_SECONDLY_ROLLING',
  '429 SECONDLY',
  '429 DAILY (quota spent)',
  '423 Locked',
  '5xx burst (502, 503, 504)',
  'dropped before processing',
  'dropped after processing',
  'latency past the timeout',
  'token expiry mid-run',
] as const;

export type FaultKey = (typeof FAULT_KEYS)[number];

const correlationId = '6f1c2b9e-resilience-0000-0000-000000000000';

export const BODY_429 = {
  TEN_SECONDLY_ROLLING: {
    status: 'error',
    message: 'You have reached your ten_secondly_rolling limit.',
    errorType: 'RATE_LIMIT',
    correlationId,
    policyName: 'TEN_SECONDLY_ROLLING',
    groupName: 'publicapi:private_app-api-calls-ten-secondly:4001:62515',
  },
  SECONDLY: {
    status: 'error',
    message: 'You have reached your secondly limit.',
    errorType: 'RATE_LIMIT',
    correlationId,
    policyName: 'SECONDLY',
  },
  DAILY: {
    status: 'error',
    message: 'You have reached your daily limit.',
    errorType: 'RATE_LIMIT',
    correlationId,
    policyName: 'DAILY',
    requestId: '3d3e35b7-0dae-4b9f-a6e3-9c230cbcf8dd',
  },
} as const;

export const BODY_401_EXPIRED = {
  status: 'error',
  message: 'The OAuth token used to make this call expired 7 second(s) ago.',
  correlationId,
  category: 'EXPIRED_AUTHENTICATION',
};

export const BODY_423 = { status: 'error', message: 'Locked', correlationId };

/** What a request needs to be told apart from every other request of a run: its method and exact path. */
export interface Target {
  method: string;
  path: string;
}

const exact = (t: Target) => ({ method: t.method, pathPattern: `^${escapeRegExp(t.path)}$` });
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A request's latency in the "latency past the timeout" fault, and the timeout the connector is given. */
export const STALL_MS = 3_000;
export const REQUEST_TIMEOUT_MS = 800;

/** The rules that put one fault on the next matching request(s). */
export function faultRules(fault: FaultKey, target: Target, times = 1): FaultRule[] {
  const on = { ...exact(target), times };
  switch (fault) {
    case '429 TEN_SECONDLY_ROLLING':
      return [{ ...on, status: 429, body: BODY_429.TEN_SECONDLY_ROLLING }];
    case '429 SECONDLY':
      return [{ ...on, status: 429, body: BODY_429.SECONDLY }];
    case '429 DAILY (quota spent)':
      return [{ ...on, status: 429, body: BODY_429.DAILY }];
    case '423 Locked':
      return [{ ...on, status: 423, body: BODY_423 }];
    case '5xx burst (502, 503, 504)':
      return [502, 503, 504].map((status) => ({
        ...on,
        status,
        body: { status: 'error', message: 'Bad gateway', correlationId },
      }));
    case 'dropped before processing':
      return [{ ...on, drop: true }];
    case 'dropped after processing':
      return [{ ...on, dropAfterHandling: true } as FaultRule];
    case 'latency past the timeout':
      return [{ ...on, latencyMs: STALL_MS }];
    case 'token expiry mid-run':
      return [{ ...on, status: 401, body: BODY_401_EXPIRED }];
  }
}

/** Adds rules to the sandbox's fault list (the same list the admin API fills). */
export function inject(sandbox: Sandbox, rules: FaultRule[]): void {
  for (const rule of rules) sandbox.faults.add(rule);
  afterHandlingDrops.add(sandbox, rules);
}

/**
 * `dropAfterHandling: true` (HubSpot processed the write, then the connection dropped before the answer) is the
 * sandbox's fault option for lost responses. Until a sandbox build knows it, the test side applies it: it wraps
 * `sandbox.handle` once, lets the request be handled, then answers `drop`. When the sandbox applies the option
 * itself (its answer is already a drop), the wrapper only consumes its own copy of the rule.
 */
class AfterHandlingDrops {
  private readonly rules = new WeakMap<Sandbox, Array<FaultRule & { remaining: number }>>();

  add(sandbox: Sandbox, rules: FaultRule[]): void {
    const own = rules.filter((r) => (r as { dropAfterHandling?: boolean }).dropAfterHandling);
    if (own.length === 0) return;
    let list = this.rules.get(sandbox);
    if (!list) {
      list = [];
      this.rules.set(sandbox, list);
      const handle = sandbox.handle;
      const pending = list;
      sandbox.handle = async (request) => {
        const answer = await handle(request);
        const method = request.method.toUpperCase();
        const path = new URL(request.url, 'http://sandbox.local').pathname;
        const rule = pending.find((r) => r.remaining > 0 && ruleMatches(r, method, path));
        if (!rule) return answer;
        rule.remaining--;
        return { ...answer, drop: true };
      };
    }
    list.push(...own.map((r) => ({ ...r, remaining: r.times ?? 1 })));
  }

  reset(sandbox: Sandbox): void {
    this.rules.get(sandbox)?.splice(0);
  }
}
const afterHandlingDrops = new AfterHandlingDrops();

function ruleMatches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  if (rule.pathPattern) return new RegExp(rule.pathPattern).test(path);
  return path.startsWith(rule.path ?? '');
}

/** How many requests the sandbox answered 429 to (log entries), optionally only on paths matching `pattern`. */
export function count429(sandbox: Sandbox, pattern?: RegExp): number {
  return sandbox.log.all().filter((e) => e.status === 429 && (!pattern || pattern.test(e.path))).length;
}

/** Clears the sandbox's pending faults and the test side's pending after-handling drops. */
export function resetFaults(sandbox: Sandbox): void {
  sandbox.faults.reset();
  afterHandlingDrops.reset(sandbox);
}
