import { validationError } from '../errors';
import { HUBSPOT_DEFINED_ASSOCIATION_TYPES } from '../facts/associationTypes';
import type { ObjectTypeDef } from '../facts/objectTypes';
import type { InlineAssociation } from './associations';

/**
 * Types HubSpot refuses to create without a record of another type, given in the create's own `associations`: a lead
 * "must be associated with an existing contact" as its primary contact (https://developers.hubspot.com/docs/api/crm/leads,
 * "Create leads", whose example uses the lead → primary contact type). The wording of the 400 is the sandbox's;
 * HubSpot documents the rule, not the message.
 */
const REQUIRED: Readonly<Record<string, { to: string; objectTypeId: string; label: string; noun: string }>> =
  {
    leads: { to: 'contacts', objectTypeId: '0-1', label: 'Primary', noun: 'primary contact' },
  };

export function checkRequiredAssociations(
  type: ObjectTypeDef,
  associations: readonly InlineAssociation[],
): void {
  const rule = REQUIRED[type.name];
  if (!rule) return;
  const typeId = HUBSPOT_DEFINED_ASSOCIATION_TYPES.find(
    (t) => t.from === type.name && t.to === rule.to && t.label === rule.label,
  )?.typeId;
  const present = associations.some(
    (a) =>
      a.toObjectTypeId === rule.objectTypeId &&
      a.types.some((t) => t.associationCategory === 'HUBSPOT_DEFINED' && t.associationTypeId === typeId),
  );
  if (present) return;
  throw validationError(
    `A ${type.singular.toLowerCase()} must be associated with an existing ${rule.to.replace(/s$/, '')} when it is created: add one in "associations" with associationTypeId ${typeId} (${rule.noun}).`,
    { context: { requiredAssociationTypeId: [String(typeId)] } },
  );
}
