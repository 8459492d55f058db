import { validationError } from '../errors';
import type { ObjectTypeDef } from '../facts/objectTypes';
import type { InlineAssociation } from './associations';

/**
 * Types HubSpot refuses to create without a record of another type: a lead "must be associated with an existing
 * contact" (https://developers.hubspot.com/docs/api/crm/leads, "Create leads"), given in the create's own
 * `associations`. The wording of the 400 is the sandbox's; HubSpot documents the rule, not the message.
 */
const REQUIRED_TARGET: Readonly<Record<string, { objectTypeId: string; noun: string }>> = {
  leads: { objectTypeId: '0-1', noun: 'contact' },
};

export function checkRequiredAssociations(
  type: ObjectTypeDef,
  associations: readonly InlineAssociation[],
): void {
  const required = REQUIRED_TARGET[type.name];
  if (!required || associations.some((a) => a.toObjectTypeId === required.objectTypeId)) return;
  throw validationError(
    `A ${type.singular.toLowerCase()} must be associated with an existing ${required.noun} when it is created; add it to "associations".`,
    { context: { requiredAssociation: [required.noun] } },
  );
}
