/**
 * Default properties of quotes, orders, carts and invoices, from the property tables of each guide:
 * quotes https://developers.hubspot.com/docs/api-reference/latest/crm/objects/quotes/guide,
 * orders https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/orders/guide,
 * carts https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/carts/guide,
 * invoices https://developers.hubspot.com/docs/api/crm/invoices.
 */
import { date, enumeration, group, number, type ObjectDefaults, text } from './build';
import { recordBase } from './records';

const quote = 'quoteinformation';
const order = 'orderinformation';
const cart = 'cartinformation';
const invoice = 'invoiceinformation';

export const quoteDefaults: ObjectDefaults = {
  formFields: false,
  groups: [group(quote, 'Quote information')],
  properties: [
    ...recordBase(quote),
    text('hs_title', 'Quote name', quote),
    date('hs_expiration_date', 'Expiration date', quote),
    enumeration('hs_status', 'Quote approval status', quote, [
      ['DRAFT', 'Draft'],
      ['PENDING_APPROVAL', 'Pending approval'],
      ['APPROVED', 'Approved'],
      ['REJECTED', 'Rejected'],
      ['APPROVAL_NOT_NEEDED', 'Approval not needed'],
    ]),
    enumeration('hs_template_type', 'Template type', quote, [
      ['CPQ_QUOTE', 'CPQ quote'],
      ['LEGACY_QUOTE', 'Legacy quote'],
    ]),
    enumeration('hs_acceptance_method', 'Acceptance method', quote, [
      ['clickwrap', 'Click to accept'],
      ['esignature', 'E-signature'],
      ['print_and_sign', 'Print and sign'],
    ]),
    text('hs_currency', 'Currency', quote),
    number('hs_quote_amount', 'Amount', quote, { calculated: true }),
    text('hs_quote_link', 'Quote link', quote, { readOnly: true }),
  ],
};

export const orderDefaults: ObjectDefaults = {
  formFields: false,
  groups: [group(order, 'Order information')],
  properties: [
    ...recordBase(order),
    text('hs_order_name', 'Name', order),
    text('hs_currency_code', 'Currency code', order),
    text('hs_source_store', 'Source store', order),
    text('hs_fulfillment_status', 'Fulfillment status', order),
    text('hs_shipping_status_url', 'Shipping status URL', order),
    text('hs_shipping_tracking_number', 'Shipping tracking number', order),
    text('hs_shipping_address_street', 'Shipping street', order),
    text('hs_shipping_address_city', 'Shipping city', order),
    text('hs_shipping_address_state', 'Shipping state', order),
    text('hs_shipping_address_postal_code', 'Shipping ZIP/postal code', order),
    text('hs_external_order_id', 'External order ID', order),
    number('hs_total_price', 'Total price', order),
    enumeration('hs_pipeline', 'Pipeline', order, []),
    enumeration('hs_pipeline_stage', 'Stage', order, []),
  ],
};

export const cartDefaults: ObjectDefaults = {
  formFields: false,
  groups: [group(cart, 'Cart information')],
  properties: [
    ...recordBase(cart),
    text('hs_cart_name', 'Name', cart),
    text('hs_external_cart_id', 'Cart ID', cart),
    text('hs_source_store', 'Source store', cart),
    text('hs_external_status', 'Status', cart),
    text('hs_cart_url', 'Cart URL', cart),
    number('hs_total_price', 'Total price', cart),
    text('hs_currency_code', 'Currency code', cart),
    number('hs_cart_discount', 'Cart discount', cart),
    number('hs_tax', 'Tax', cart),
    number('hs_shipping_cost', 'Shipping cost', cart),
    text('hs_tags', 'Tags', cart),
  ],
};

export const invoiceDefaults: ObjectDefaults = {
  formFields: false,
  groups: [group(invoice, 'Invoice information')],
  properties: [
    ...recordBase(invoice),
    text('hs_number', 'Invoice number', invoice, { readOnly: true }),
    text('hs_currency', 'Currency', invoice),
    date('hs_invoice_date', 'Invoice date', invoice),
    date('hs_due_date', 'Due date', invoice),
    enumeration('hs_invoice_status', 'Invoice status', invoice, [
      ['draft', 'Draft'],
      ['open', 'Open'],
      ['paid', 'Paid'],
      ['voided', 'Voided'],
    ]),
    text('hs_purchase_order_number', 'Purchase order number', invoice),
    number('hs_amount_billed', 'Amount billed', invoice, { calculated: true }),
    number('hs_balance_due', 'Balance due', invoice, { calculated: true }),
  ],
};
