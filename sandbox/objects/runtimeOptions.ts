import type { ObjectTypeDef } from '../facts/objectTypes';
import type { Portal } from '../portal';

/**
 * The allowed values of enumerations whose options are the portal's own data rather than the property definition:
 * `pipeline`/`dealstage` (deals), `hs_pipeline`/`hs_pipeline_stage` (tickets) and `hubspot_owner_id` (owners).
 *
 * The pipelines and owners stores are written by other work. A store takes part by offering
 * `propertyOptions(type, propertyName, values)`: the allowed values of that property given the other values of the
 * write (a stage depends on its pipeline), or `undefined` when it does not govern that property. Until a store
 * offers it, these properties accept any value.
 */
export type PropertyOptionsHook = (
  type: ObjectTypeDef,
  propertyName: string,
  values: Readonly<Record<string, unknown>>,
) => readonly string[] | undefined;

export function runtimeOptions(
  portal: Portal,
  type: ObjectTypeDef,
  propertyName: string,
  values: Readonly<Record<string, unknown>>,
): readonly string[] | undefined {
  for (const store of [portal.pipelines, portal.owners] as unknown as Array<{
    propertyOptions?: PropertyOptionsHook;
  }>) {
    if (typeof store.propertyOptions !== 'function') continue;
    const allowed = store.propertyOptions(type, propertyName, values);
    if (allowed) return allowed;
  }
  return undefined;
}
