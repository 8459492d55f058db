import App from '../../index';
import { generateMakeApp, MAKE_ONLY_MODULES } from '../../make/app';
import type { Json, MakeModule, MakeParam } from '../../make/model';
import { propertyFieldsRpcName } from '../../make/rpcs';
import { OPERATIONS } from '../../operations';

/**
 * Every operation exists on Zapier and on Make with the same field keys and required flags, or the Make app lists
 * why it is missing (`make/unsupported.ts`). Zapier's side is read from the real Zapier app (`index.ts`).
 */

type ZapierField = { key: string; required?: boolean };
const zapierApp = App as unknown as Record<
  'triggers' | 'creates' | 'searches',
  Record<string, { operation: { inputFields: unknown[] } }>
>;

function zapierFields(key: string): ZapierField[] {
  const rendered = zapierApp.triggers[key] ?? zapierApp.creates[key] ?? zapierApp.searches[key];
  if (!rendered) throw new Error(`${key} is not in the Zapier app`);
  // Functions are the dynamic property fields; the Make side's counterpart is checked separately.
  return rendered.operation.inputFields.filter((f): f is ZapierField => typeof f === 'object');
}

const params = (m: MakeModule) =>
  [...m.staticParams, ...m.mappableParams].filter((p): p is Json => typeof p === 'object');

function rpcReferences(list: MakeParam[]): string[] {
  return list.flatMap((p) => {
    if (typeof p === 'string') return [p];
    const options = p.options as Json | undefined;
    const nested = [
      ...(Array.isArray(options?.nested) ? (options.nested as MakeParam[]) : []),
      ...(Array.isArray(options) ? (options as Json[]).flatMap((o) => (o.nested as MakeParam[]) ?? []) : []),
    ];
    return rpcReferences(nested);
  });
}

describe('Zapier ↔ Make parity', () => {
  const { support } = generateMakeApp();
  const byKey = new Map(support.map((s) => [s.key, s]));

  it('covers every operation: a Make module, or a listed reason', () => {
    const unexpressed = support.filter((s) => 'unexpressed' in s).map((s) => s.key);
    expect(unexpressed).toEqual([]);
    expect(support.map((s) => s.key)).toEqual(OPERATIONS.map((o) => o.key));
    for (const s of support) {
      if ('unsupported' in s) expect(s.unsupported.length).toBeGreaterThan(40);
      if ('pending' in s) expect(s.pending).toMatch(/^No declared requests yet/);
    }
  });

  it.each(OPERATIONS.map((o) => [o.key, o] as const))(
    '%s: same field keys and required flags',
    (key, def) => {
      const s = byKey.get(key)!;
      if (!('module' in s)) return;
      const module = s.module;
      expect(module.name).toBe(key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()));
      const zapierOnly = new Set(Object.keys(module.zapierOnlyParams ?? {}));
      const makeOnly = new Set(module.makeOnlyParams ?? []);
      const zapier = zapierFields(key)
        .filter((f) => !zapierOnly.has(f.key))
        .map((f) => ({ key: f.key, required: Boolean(f.required) }));
      const make = params(module)
        .filter((p) => !makeOnly.has(String(p.name)))
        .map((p) => ({ key: String(p.name), required: Boolean(p.required) }));
      expect(make).toEqual(zapier);
      // Property fields load from the portal on both: Make through the property-fields RPC.
      if (def.propertyFields && !zapierOnly.has('properties'))
        expect(rpcReferences([...module.staticParams, ...module.mappableParams])).toContain(
          `rpc://${propertyFieldsRpcName(def.propertyFields)}`,
        );
    },
  );

  it('names every Make-only module (no Zapier operation) with a reason, never silently', () => {
    const { app } = generateMakeApp();
    const makeOnly = app.modules.filter((m) => !m.operationKey).map((m) => m.name);
    expect(makeOnly.sort()).toEqual(Object.keys(MAKE_ONLY_MODULES).sort());
    for (const reason of Object.values(MAKE_ONLY_MODULES)) expect(reason.length).toBeGreaterThan(40);
  });

  it('names Make-only and Zapier-only fields with a reason, never silently', () => {
    for (const s of support) {
      if (!('module' in s)) continue;
      for (const reason of Object.values(s.module.zapierOnlyParams ?? {}))
        expect(reason.length).toBeGreaterThan(40);
    }
  });
});
