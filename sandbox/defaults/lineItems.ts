/**
 * Default line item properties, from https://developers.hubspot.com/docs/api/crm/line-items.
 * `amount` is HubSpot's net price (unit price × quantity − discounts), computed, so writes are refused.
 */
import { date, enumeration, group, number, type ObjectDefaults, text } from './build';
import { CURRENCIES, crmSystemProperties, recurringRevenueRollups, sellableItemProperties } from './common';

const info = 'lineiteminformation';

export const lineItemDefaults: ObjectDefaults = {
  formFields: false,
  groups: [group(info, 'Line item information')],
  properties: [
    ...crmSystemProperties(info),
    ...sellableItemProperties(info),
    number('quantity', 'Quantity', info),
    number('amount', 'Net price', info, { calculated: true }),
    text('hs_product_id', 'Product ID', info),
    number('discount', 'Unit discount', info),
    number('hs_discount_percentage', 'Discount Percentage', info),
    enumeration('hs_line_item_currency_code', 'Currency', info, CURRENCIES),
    date('hs_recurring_billing_start_date', 'Billing start date', info),
    number('hs_position_on_quote', 'Position on quote', info),
    number('tax', 'Tax', info),
    number('hs_term_in_months', 'Term (months)', info, { calculated: true }),
    number('hs_total_discount', 'Total discount', info, { calculated: true }),
    number('hs_pre_discount_amount', 'Pre-discount amount', info, { calculated: true }),
    number('hs_margin', 'Margin', info, { calculated: true }),
    ...recurringRevenueRollups(info),
  ],
};
