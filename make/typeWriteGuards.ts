import { refusedWrite, STANDARD_OBJECT_TYPES } from '../hubspot/objectTypes';
import { typeRefKey } from '../operations/objectTypeRef';
import type { OperationDef } from '../operations/types';
import type { MakeModule } from './model';
import { fieldMessage, guardStep } from './pathGuards';

/**
 * Guard steps for a module that writes a type chosen in its parameters: one per standard type HubSpot serves no such
 * write for (read-only goal targets and feedback submissions, update-only users), matched by path name or objectTypeId,
 * each stopping the module with the Zapier step's wording before any HubSpot call.
 */
export function withTypeWriteGuards(module: MakeModule, def: OperationDef): MakeModule {
  const ref = def.objectType;
  if (!def.typeWrite || !ref || typeof ref === 'string') return module;
  const name = typeRefKey(ref);
  const param = [...module.staticParams, ...module.mappableParams].find(
    (p) => typeof p === 'object' && p.name === name,
  );
  const label = typeof param === 'object' ? String(param.label ?? name) : name;
  // A picker limited to some types (merge) needs no guard for the others.
  const choices = def.inputFields.find((f) => f.key === name)?.choices?.map((c) => c.value);
  const guards = STANDARD_OBJECT_TYPES.flatMap((type) => {
    if (choices && !choices.includes(type.name)) return [];
    const refused = refusedWrite(type, def.typeWrite!);
    if (!refused) return [];
    const value = `parameters.${name}`;
    return [
      guardStep(
        `${value} != '${type.name}' && ${value} != '${type.objectTypeId}'`,
        fieldMessage({ name, label }, refused),
      ),
    ];
  });
  if (guards.length === 0) return module;
  const steps = Array.isArray(module.communication) ? module.communication : [module.communication];
  return { ...module, communication: [...guards, ...steps] };
}
