import { claimKey } from '../../operations/objects/claimedCreate';
import {
  CLAIM_TTL_SECONDS,
  claimDomain,
  noteCompany,
  RECORD_TTL_SECONDS,
  recordCompany,
  WAIT_MS,
} from '../../operations/objects/domainClaim';
import type { OperationContext, SharedStore } from '../../operations/types';

/**
 * The claim's decisions on a store in memory, with a clock the test moves: who wins, what a loser gets, and when it
 * gives up waiting. The sandbox tests (test/integration/syncCustomerClaim.zapier.test.ts) run them through Zapier.
 */
function memoryStore() {
  const entries = new Map<string, { value: unknown; ttl: number }>();
  const store: SharedStore = {
    get: async <T>(key: string) => entries.get(key)?.value as T | undefined,
    setIfAbsent: async (key, value, ttl) => {
      if (entries.has(key)) return false;
      entries.set(key, { value, ttl });
      return true;
    },
    set: async (key, value, ttl) => {
      entries.set(key, { value, ttl });
    },
    delete: async (key) => {
      entries.delete(key);
    },
  };
  return { store, entries };
}

function context(clock: { now: number }): OperationContext & { lines: unknown[] } {
  const lines: unknown[] = [];
  return {
    now: () => clock.now,
    log: (message: string, data?: Record<string, unknown>) => lines.push([message, data]),
    lines,
  } as unknown as OperationContext & { lines: unknown[] };
}

describe('claimDomain', () => {
  const company = { id: '8001', domain: 'claim.example', name: 'Claim' };

  it('lets one run win, the claim held for a minute; the next run gets the company the winner records', async () => {
    const { store, entries } = memoryStore();
    const ctx = context({ now: 0 });
    expect(await claimDomain(ctx, store, 'claim.example')).toEqual({ kind: 'won' });
    expect(entries.get('company-domain:claim.example')).toEqual({
      value: { creating: true },
      ttl: CLAIM_TTL_SECONDS,
    });
    await recordCompany(ctx, store, company);
    expect(entries.get('company-domain:claim.example')!.ttl).toBe(RECORD_TTL_SECONDS);
    expect(await claimDomain(ctx, store, 'claim.example')).toEqual({ kind: 'known', company });
  });

  it('makes a loser wait for the winner, then hands it the recorded company', async () => {
    const { store } = memoryStore();
    const ctx = context({ now: 0 });
    await claimDomain(ctx, store, 'claim.example');
    const waiting = claimDomain(ctx, store, 'claim.example');
    await new Promise((resolve) => setTimeout(resolve, 150));
    await recordCompany(ctx, store, company);
    expect(await waiting).toEqual({ kind: 'known', company });
  });

  it('gives up waiting after WAIT_MS and falls back to the duplicate check', async () => {
    const { store } = memoryStore();
    const clock = { now: 0 };
    const ctx = context(clock);
    await claimDomain(ctx, store, 'claim.example');
    const originalGet = store.get;
    store.get = async (key) => {
      clock.now += WAIT_MS / 3;
      return originalGet(key);
    };
    expect(await claimDomain(ctx, store, 'claim.example')).toEqual({
      kind: 'fallback',
      reason: 'the claiming run is still creating',
    });
    expect(clock.now).toBeLessThanOrEqual(WAIT_MS + WAIT_MS / 3);
  });

  it('falls back, naming only the error class, when the store throws', async () => {
    const { store } = memoryStore();
    store.setIfAbsent = async () => {
      throw new TypeError('rpc https://user:secret@example.invalid refused');
    };
    const outcome = await claimDomain(context({ now: 0 }), store, 'claim.example');
    expect(outcome).toEqual({ kind: 'fallback', reason: 'the shared store failed (TypeError)' });
    expect(JSON.stringify(outcome)).not.toContain('secret');
  });

  it('logs a failed record without the error message, and does not fail the run', async () => {
    const { store } = memoryStore();
    store.set = async () => {
      throw new Error('token pat-na1-secret in a message');
    };
    const ctx = context({ now: 0 });
    await expect(recordCompany(ctx, store, company)).resolves.toBeUndefined();
    expect(JSON.stringify(ctx.lines)).not.toContain('pat-na1');
    expect(ctx.lines).toHaveLength(1);
  });
});

describe('noteCompany (a plain create recording its company for the find-or-create runs after it)', () => {
  const company = { id: '8002', domain: 'noted.example', name: 'Noted' };

  it('records the company for 10 minutes when no entry holds the domain; the next claim gets it', async () => {
    const { store, entries } = memoryStore();
    const ctx = context({ now: 0 });
    await noteCompany(ctx, store, company);
    expect(entries.get('company-domain:noted.example')).toEqual({
      value: { company },
      ttl: RECORD_TTL_SECONDS,
    });
    expect(await claimDomain(ctx, store, 'noted.example')).toEqual({ kind: 'known', company });
  });

  it('leaves a claim in progress or an earlier company alone: it came first', async () => {
    const { store, entries } = memoryStore();
    const ctx = context({ now: 0 });
    expect(await claimDomain(ctx, store, 'noted.example')).toEqual({ kind: 'won' });
    await noteCompany(ctx, store, company);
    expect(entries.get('company-domain:noted.example')!.value).toEqual({ creating: true });
  });

  it('logs a failed store by error class only, and does not fail the run', async () => {
    const { store } = memoryStore();
    store.setIfAbsent = async () => {
      throw new Error('token pat-na1-secret in a message');
    };
    const ctx = context({ now: 0 });
    await expect(noteCompany(ctx, store, company)).resolves.toBeUndefined();
    expect(JSON.stringify(ctx.lines)).not.toContain('pat-na1');
    expect(ctx.lines).toHaveLength(1);
  });
});

describe('claimKey (Find or Create Company)', () => {
  it('matches as CRM search EQ does: case and surrounding blanks ignored, nothing else changed', () => {
    expect(claimKey('  Acme.Example ')).toBe('acme.example');
    // Search treats these as other values, so they get other claims.
    expect(claimKey('www.acme.example')).toBe('www.acme.example');
    expect(claimKey('https://acme.example')).toBe('https://acme.example');
  });
});
