import { isCollection, kindOf, notDocumented } from './functions';
import type { Json } from './run';

/**
 * A module's interface as Make shows it to the next modules: its fields, with each RPC reference replaced by the
 * fields the RPC outputs. Make documents one form, a `"rpc://nameOfTheRPC"` item of the interface array, alone or
 * beside static fields, the RPC reading the module's parameters as `parameters`
 * (https://developers.make.com/custom-apps-documentation/component-blocks/interface, "Dynamic interface using RPC";
 * https://developers.make.com/custom-apps-documentation/app-structure/rpcs/dynamic-fields-rpc). Anything else (a query
 * after the name, a reference inside a field's `spec`, an RPC answering something other than fields) is refused as
 * not documented.
 */

/** `rpc://` then the RPC's name, nothing after it (Make's names are letters and digits, camelCase by convention). */
export const RPC_REFERENCE = /^rpc:\/\/([A-Za-z][A-Za-z0-9]*)$/;

/** The RPC an interface item names, or undefined for a field; refuses a string of any other form. */
export function rpcReference(item: unknown): string | undefined {
  if (typeof item !== 'string') return undefined;
  const name = RPC_REFERENCE.exec(item)?.[1];
  return name ?? notDocumented(`the interface item "${item}" (an RPC reference is "rpc://nameOfTheRPC")`);
}

function checkField(field: unknown, where: string): Json {
  if (!isCollection(field)) return notDocumented(`${kindOf(field)} as a field of ${where}`);
  const spec = field.spec;
  if (typeof spec === 'string') notDocumented(`an RPC reference in the spec of "${String(field.name)}"`);
  for (const child of Array.isArray(spec) ? spec : spec === undefined ? [] : [spec])
    checkField(child, `the spec of "${String(field.name)}"`);
  return field;
}

export async function expandInterface(
  items: unknown,
  runRpc: (name: string) => Promise<unknown[]>,
): Promise<Json[]> {
  if (!Array.isArray(items)) return notDocumented(`an interface that is ${kindOf(items)}`);
  const out: Json[] = [];
  for (const item of items) {
    const rpc = rpcReference(item);
    if (rpc === undefined) out.push(checkField(item, 'the interface'));
    else for (const field of await runRpc(rpc)) out.push(checkField(field, `the output of RPC ${rpc}`));
  }
  return out;
}
