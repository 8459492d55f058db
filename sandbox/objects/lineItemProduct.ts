import type { PropertyIssue } from '../errors';
import { findStandardObjectType, type ObjectTypeDef } from '../facts/objectTypes';
import type { Portal } from '../portal';
import { issue } from './validate';

/**
 * A line item created with `hs_product_id` takes the product's details: "the line item will be based on the existing
 * product ... name, price and other properties are copied" (https://developers.hubspot.com/docs/api/crm/line-items).
 * Values given in the request win. A product id that names no live product is refused as an invalid value of
 * `hs_product_id` (HubSpot's exact error code for this is UNVERIFIED).
 */
const COPIED_FROM_PRODUCT = [
  'name',
  'description',
  'price',
  'hs_sku',
  'hs_cost_of_goods_sold',
  'hs_recurring_billing_period',
  'recurringbillingfrequency',
] as const;

const PRODUCTS = findStandardObjectType('products')!;

/** Fills a new line item's values from its product; returns the issue when the product does not exist. */
export function copyFromProduct(
  portal: Portal,
  type: ObjectTypeDef,
  values: Record<string, string>,
): PropertyIssue | undefined {
  const productId = values.hs_product_id;
  if (type.name !== 'line_items' || !productId) return undefined;
  const product = portal.records.get(PRODUCTS.objectTypeId, productId);
  if (!product || product.archived) {
    return issue('hs_product_id', 'INVALID_PROPERTY_VALUE', `Product with id ${productId} does not exist.`);
  }
  for (const name of COPIED_FROM_PRODUCT) {
    const value = product.properties[name];
    if (value !== undefined && (values[name] === undefined || values[name] === '')) values[name] = value;
  }
  return undefined;
}
