import { labelledAssociationTypeId } from '../../hubspot/associationTypes';
import { FieldValidationError } from '../../hubspot/coerce';
import { withAvailability } from '../availability';
import { objectType } from '../objects/common';
import { createRecordOperation, createRequest } from '../objects/createRecord';
import { recordPicker } from '../recordDropdown';
import { propertiesFromInput, requiredText } from '../records';
import {
  checkPropertiesToRetrieve,
  PROPERTIES_TO_RETRIEVE,
  propertiesToRetrieveField,
  RETRIEVE_CODE,
  withRetrievedProperties,
} from '../retrievedProperties';
import { runRequests, runState } from '../runRequests';
import { SAMPLE_LEAD } from '../samples';
import type { OperationDef, OperationResult } from '../types';

/**
 * Creates a lead in ONE call, with its contact: HubSpot refuses a lead without an existing contact and a lead name
 * (https://developers.hubspot.com/docs/api/crm/leads, "Create leads"); its example associates the contact as the
 * lead's primary contact (type 578), given inline in the create, as Create Line Item does for its deal.
 */
const create = createRecordOperation({
  key: 'create_lead',
  objectType: 'leads',
  sample: SAMPLE_LEAD,
  requiredProperties: ['hs_lead_name'],
});

const CONTACT = { key: 'contact_id', label: 'Contact ID' } as const;
const leads = objectType('leads');

const primaryContact = labelledAssociationTypeId('leads', 'contacts', 'Primary');
if (primaryContact === undefined) throw new Error('No lead → primary contact association type');

/** The contact goes in inline as the lead's primary contact; the interpreter checks it is a record id. */
const request = createRequest({
  associations: [{ input: CONTACT.key, toType: 'contacts', associationTypeId: primaryContact }],
});

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
    requests: [request],
    code: { reason: RETRIEVE_CODE },
    async perform(ctx) {
      requiredText(ctx, CONTACT.key, CONTACT.label);
      checkPropertiesToRetrieve(ctx.input);
      const properties = await propertiesFromInput(ctx, 'leads', [CONTACT.key, PROPERTIES_TO_RETRIEVE]);
      if (!properties.hs_lead_name)
        throw new FieldValidationError('hs_lead_name', 'Lead name', 'is required to create a lead.');
      const output = (await runRequests(ctx, [request], runState(leads, createLead))) as OperationResult;
      return withRetrievedProperties(ctx, leads, output);
    },
  },
  'leads',
);
