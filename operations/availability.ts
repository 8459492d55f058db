import type { ObjectTypeDef } from '../hubspot/objectTypes';
import { objectType } from './objects/common';
import type { OperationDef } from './types';

/**
 * An operation on a type the account must have first (a paid tier, a feature set up): a notice above its fields (a
 * Copy field on Zapier, a banner on Make) says what, and which scope the connection needs, so the user learns it in
 * the editor rather than from a 403. Descriptions stay one sentence, as Zapier's copy rules ask.
 * https://developers.hubspot.com/docs/api/scopes
 */
export function withAvailability(def: OperationDef, typeName: string): OperationDef {
  const note = availabilityNote(objectType(typeName), def.kind === 'create' ? 'write' : 'read');
  if (!note) return def;
  return { ...def, warning: def.warning ? `${def.warning}\n\n${note}` : note };
}

/** "Leads need Sales Hub Professional or Enterprise, ...; the connection needs the scope crm.objects.leads.write." */
export function availabilityNote(type: ObjectTypeDef, access: 'read' | 'write'): string | undefined {
  if (!type.availability) return undefined;
  const scopes = access === 'read' ? type.readScopes : type.writeScopes;
  return `${type.plural} need ${type.availability}; the HubSpot connection needs the scope ${scopes.join(' or ')}.`;
}
