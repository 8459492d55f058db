import { labelledAssociationTypeId } from '../../hubspot/associationTypes';
import { FieldValidationError } from '../../hubspot/coerce';
import { paths } from '../../hubspot/paths';
import { withAvailability } from '../availability';
import { objectType } from '../objects/common';
import { createRecordOperation } from '../objects/createRecord';
import { recordPicker } from '../recordDropdown';
import { isRecordId, notARecordId, propertiesFromInput, recordOutput, requiredText } from '../records';
import {
  checkPropertiesToRetrieve,
  PROPERTIES_TO_RETRIEVE,
  propertiesToRetrieveField,
  withRetrievedProperties,
} from '../retrievedProperties';
import { SAMPLE_LEAD } from '../samples';
import type { HubSpotRecord } from '../search';
import type { OperationDef } from '../types';

/**
 * Creates a lead in ONE call, with its contact: HubSpot refuses a lead without an existing contact and a lead name
 * (https://developers.hubspot.com/docs/api/crm/leads, "Create leads"); its example associates the contact as the
 * lead's primary contact (type 578), given inline in the create. The generic create cannot send associations, hence
 * this operation (as Create Line Item does for its deal).
 */
const create = createRecordOperation({
  key: 'create_lead',
  objectType: 'leads',
  sample: SAMPLE_LEAD,
  requiredProperties: ['hs_lead_name'],
});

const CONTACT = { key: 'contact_id', label: 'Contact ID' } as const;
const leads = objectType('leads');

export const createLead: OperationDef = withAvailability(
  {
    ...create,
    description: 'Creates a lead for an existing contact (its primary contact), in one call.',
    inputFields: [
      {
        key: CONTACT.key,
        label: CONTACT.label,
        required: true,
        ...recordPicker('contacts'),
        helpText:
          'HubSpot requires every lead to belong to an existing contact; it becomes the primary contact.',
      },
      propertiesToRetrieveField('leads'),
    ],
    outputFields: [...create.outputFields, { key: CONTACT.key, label: CONTACT.label, type: 'string' }],
    async perform(ctx) {
      const contactId = requiredText(ctx, CONTACT.key, CONTACT.label);
      if (!isRecordId(contactId))
        throw new FieldValidationError(CONTACT.key, CONTACT.label, notARecordId(contactId));
      checkPropertiesToRetrieve(ctx.input);
      const properties = await propertiesFromInput(ctx, 'leads', [CONTACT.key, PROPERTIES_TO_RETRIEVE]);
      if (!properties.hs_lead_name)
        throw new FieldValidationError('hs_lead_name', 'Lead name', 'is required to create a lead.');
      const associationTypeId = labelledAssociationTypeId('leads', 'contacts', 'Primary');
      const { data } = await ctx.api.request<HubSpotRecord>({
        method: 'POST',
        path: paths.objects.create('leads'),
        json: {
          properties,
          associations: [
            {
              to: { id: contactId },
              types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId }],
            },
          ],
        },
      });
      return withRetrievedProperties(ctx, leads, recordOutput(data, { contact_id: contactId }));
    },
  },
  'leads',
);
