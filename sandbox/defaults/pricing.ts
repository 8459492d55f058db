/**
 * Default properties of discounts, fees and taxes (the pricing parts of quotes and invoices) and of projects.
 * Discounts: `hs_label`, `hs_duration`, `hs_type`, `hs_value`, `hs_sort_order` in the create example of
 * https://developers.hubspot.com/docs/api-reference/latest/crm/objects/discounts/guide; fees: `hs_label`, `hs_type`
 * ("either PERCENT or FIXED") and `hs_value` (https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/fees/guide);
 * taxes: the guide (https://developers.hubspot.com/docs/api-reference/latest/crm/objects/taxes/guide) shows no property
 * list in the text we could read, so taxes get the fee's three (our choice: the three objects price a quote alike).
 * Projects: the name only (https://developers.hubspot.com/docs/guides/account/projects/guide).
 * Only the properties the guides name; a portal's real list is longer.
 */
import { enumeration, group, number, type ObjectDefaults, type PropertySpec, text } from './build';
import { recordBase } from './records';

function pricingDefaults(groupName: string, groupLabel: string, extra: PropertySpec[] = []): ObjectDefaults {
  return {
    formFields: false,
    groups: [group(groupName, groupLabel)],
    properties: [
      ...recordBase(groupName),
      text('hs_label', 'Label', groupName),
      enumeration('hs_type', 'Type', groupName, [
        ['PERCENT', 'Percent'],
        ['FIXED', 'Fixed'],
      ]),
      number('hs_value', 'Value', groupName),
      ...extra,
    ],
  };
}

const discount = 'discountinformation';

export const discountDefaults = pricingDefaults(discount, 'Discount information', [
  // The guide's example says ONCE; it lists no other values, so the sandbox keeps this a text property.
  text('hs_duration', 'Duration', discount),
  number('hs_sort_order', 'Sort order', discount),
]);

export const feeDefaults = pricingDefaults('feeinformation', 'Fee information');

export const taxDefaults = pricingDefaults('taxinformation', 'Tax information');

const project = 'projectinformation';

export const projectDefaults: ObjectDefaults = {
  formFields: false,
  groups: [group(project, 'Project information')],
  properties: [...recordBase(project), text('hs_name', 'Project name', project)],
};
