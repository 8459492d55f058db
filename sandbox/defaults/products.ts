/**
 * Default product properties, from https://developers.hubspot.com/docs/api/crm/products and
 * https://knowledge.hubspot.com/products/how-do-i-use-products.
 */
import { enumeration, group, number, type ObjectDefaults, text } from './build';
import { crmSystemProperties, sellableItemProperties } from './common';

const info = 'productinformation';

export const productDefaults: ObjectDefaults = {
  formFields: false,
  groups: [group(info, 'Product information')],
  properties: [
    ...crmSystemProperties(info),
    // HubSpot does not declare hs_sku unique; the sandbox does so that integrations can upsert products by SKU
    // (`idProperty=hs_sku`), which is how sync tools use it. A portal can mirror this with a unique custom property.
    ...sellableItemProperties(info, { unique: true }),
    enumeration('hs_product_type', 'Product type', info, [
      ['inventory', 'Inventory'],
      ['non_inventory', 'Non-inventory'],
      ['service', 'Service'],
    ]),
    text('hs_url', 'URL', info),
    text('hs_images', 'Image URL', info),
    number('hs_folder_id', 'Folder', info),
    number('tax', 'Tax', info),
  ],
};
