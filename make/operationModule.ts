import type { OperationDef } from '../operations/types';
import type { Json, MakeModule } from './model';
import { interfaceFor, operationParams, zapierOnlyParams } from './moduleParts';
import { camelCase } from './naming';

/**
 * The parts every hand-shaped module shares with the modules rendered from declared requests: the name (camelCase of the Zapier key), the
 * operation's labels and sample, and its fields as mappable parameters (same keys and required flags as Zapier).
 */
export function operationModule(
  def: OperationDef,
  group: string,
  module: Pick<MakeModule, 'moduleType' | 'communication'> & Partial<MakeModule>,
): MakeModule {
  return {
    name: camelCase(def.key),
    label: def.label,
    description: def.description,
    group,
    operationKey: def.key,
    samples: def.sample as Json,
    interface: interfaceFor(def.outputFields),
    staticParams: [],
    mappableParams: operationParams(def),
    scope: [],
    ...(zapierOnlyParams(def) ? { zapierOnlyParams: zapierOnlyParams(def) } : {}),
    ...module,
  };
}

/**
 * A request that runs only when `condition` holds; a skipped one hands over to the next request. Never the last of
 * several: Make does not document what a module outputs when its last request is skipped
 * (https://developers.make.com/custom-apps-documentation/component-blocks/api/making-requests#condition).
 */
export const onlyIf = (condition: string): Json => ({ condition });
