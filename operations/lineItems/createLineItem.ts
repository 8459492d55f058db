import { defaultAssociationTypeId } from '../../hubspot/associationTypes';
import { FieldValidationError } from '../../hubspot/coerce';
import { paths } from '../../hubspot/paths';
import { objectType } from '../objects/common';
import { createRecordOperation } from '../objects/createRecord';
import { recordPicker } from '../recordDropdown';
import { propertiesFromInput, recordOutput } from '../records';
import {
  checkPropertiesToRetrieve,
  PROPERTIES_TO_RETRIEVE,
  propertiesToRetrieveField,
  withRetrievedProperties,
} from '../retrievedProperties';
import { SAMPLE_LINE_ITEM } from '../samples';
import type { HubSpotRecord } from '../search';
import type { OperationContext, OperationDef } from '../types';

/**
 * Creates a line item, optionally from a product and attached to a deal, in ONE call: `hs_product_id` makes HubSpot
 * copy the product's name, price and other details (values given in the step win), and the inline `associations`
 * of the create request attach it to the deal (https://developers.hubspot.com/docs/api/crm/line-items). A line item
 * without a deal is an orphan HubSpot shows nowhere, hence the deal field.
 */
const create = createRecordOperation({
  key: 'create_line_item',
  objectType: 'line_items',
  sample: SAMPLE_LINE_ITEM,
});

const STATIC_KEYS = ['product_id', 'deal_id', PROPERTIES_TO_RETRIEVE] as const;
const lineItems = objectType('line_items');

export const createLineItem: OperationDef = {
  ...create,
  description:
    'Creates a line item, from a product if you choose one, and attaches it to a deal, in one call.',
  inputFields: [
    {
      key: 'product_id',
      label: 'Product ID',
      ...recordPicker('products'),
      helpText: 'Copy name, price and other details from this product (values set below take precedence).',
    },
    {
      key: 'deal_id',
      label: 'Deal ID',
      ...recordPicker('deals'),
      helpText: 'Attach the new line item to this deal.',
    },
    propertiesToRetrieveField('line_items'),
  ],
  outputFields: [...create.outputFields, { key: 'deal_id', label: 'Deal ID', type: 'string' }],
  propertyFields: { objectType: 'line_items', purpose: 'create', exclude: ['hs_product_id'] },
  async perform(ctx) {
    const productId = recordId(ctx, 'product_id', 'Product ID');
    const dealId = recordId(ctx, 'deal_id', 'Deal ID');
    checkPropertiesToRetrieve(ctx.input);
    const properties = await propertiesFromInput(ctx, 'line_items', STATIC_KEYS);
    if (productId) properties.hs_product_id = productId;
    const associationTypeId = defaultAssociationTypeId('line_items', 'deals');
    const { data } = await ctx.api.request<HubSpotRecord>({
      method: 'POST',
      path: paths.objects.create('line_items'),
      json: {
        properties,
        ...(dealId
          ? {
              associations: [
                {
                  to: { id: dealId },
                  types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId }],
                },
              ],
            }
          : {}),
      },
    });
    return withRetrievedProperties(ctx, lineItems, recordOutput(data, dealId ? { deal_id: dealId } : {}));
  },
};

/** An optional record id input: empty, or digits (HubSpot ids are numeric). */
function recordId(ctx: OperationContext, key: string, label: string): string | undefined {
  const raw = ctx.input[key];
  if (raw === undefined || raw === null || String(raw).trim() === '') return undefined;
  const id = String(raw).trim();
  if (!/^\d+$/.test(id)) throw new FieldValidationError(key, label, `"${id}" is not a HubSpot record ID.`);
  return id;
}
