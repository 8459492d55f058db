import { objectType } from '../objects/common';
import { createRecordOperation, createRequest } from '../objects/createRecord';
import { recordPicker } from '../recordDropdown';
import {
  checkPropertiesToRetrieve,
  propertiesToRetrieveField,
  RETRIEVE_CODE,
  withRetrievedProperties,
} from '../retrievedProperties';
import { runRequests, runState } from '../runRequests';
import { SAMPLE_LINE_ITEM } from '../samples';
import type { OperationDef, OperationResult } from '../types';

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

const lineItems = objectType('line_items');

/** The product's id goes in as `hs_product_id`; the deal is attached inline, with HubSpot's default type. */
const request = createRequest({
  associations: [{ input: 'deal_id', toType: 'deals' }],
  with: { hs_product_id: 'product_id' },
});

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
  requests: [request],
  code: { reason: RETRIEVE_CODE },
  async perform(ctx) {
    checkPropertiesToRetrieve(ctx.input);
    const run = runState(lineItems, createLineItem);
    const output = (await runRequests(ctx, [request], run)) as OperationResult;
    return withRetrievedProperties(ctx, lineItems, output);
  },
};
