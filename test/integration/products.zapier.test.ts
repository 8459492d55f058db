import { defaultAssociationTypeId } from '../../hubspot/associationTypes';
import { expectRefused, liveCount, runner, useZapierSandbox } from '../support/crm';

/** Products and line items through the Zapier app: a line item made from a product and attached to a deal in one call. */
describe('Zapier product and line item operations against the sandbox', () => {
  const context = useZapierSandbox();
  const { create, search } = runner(context);
  const products = () => liveCount(context.t, '0-7');
  const lineItems = () => liveCount(context.t, '0-8');
  const calls = () => context.t.sandbox.log.summary().total;

  it('creates a product and finds it by SKU (unique in the sandbox) and by name', async () => {
    const product = await create('create_product', {
      name: 'Engine licence',
      price: '1200',
      hs_sku: 'ENG-1',
      recurringbillingfrequency: 'Annually',
    });
    expect(product.properties.recurringbillingfrequency).toBe('annually');
    const bySku = await search('find_product', { search_property: 'hs_sku', search_value: 'ENG-1' });
    expect(bySku.map((p) => p.id)).toEqual([product.id]);
    const byName = await search('find_product', { search_property: 'name', search_value: 'Engine licence' });
    expect(byName.map((p) => p.id)).toEqual([product.id]);
  });

  it.each([
    ['a wrong option', { name: 'P', recurringbillingfrequency: 'hourly' }, /recurringbillingfrequency/],
    ['a wrong number', { name: 'P', price: 'cheap' }, /price/],
    ['a missing required field', { price: '10' }, /name/],
    ['an unknown property', { name: 'P', colour: 'red' }, /colour.*not a property/],
  ])('refuses a product with %s, naming the field and writing nothing', async (_case, inputData, message) => {
    await expectRefused(create('create_product', inputData), message, products);
  });

  it('creates a line item from a product, attached to a deal, in one HubSpot call', async () => {
    const product = await create('create_product', { name: 'Support plan', price: '300', hs_sku: 'SUP-1' });
    const deal = await create('create_deal', { dealname: 'Support deal', dealstage: 'appointmentscheduled' });
    context.t.sandbox.log.clear();
    const item = await create('create_line_item', {
      product_id: product.id,
      deal_id: deal.id,
      quantity: '3',
    });
    expect(calls()).toBe(2); // the create, and the line item property definitions (cached for 10 minutes after)
    expect(item.properties).toMatchObject({ hs_product_id: product.id, name: 'Support plan', price: '300' });
    const fromDeal = context.t.sandbox.portal.associations.targets('0-3', deal.id, '0-8');
    expect([...fromDeal.keys()]).toEqual([item.id]);
    expect([...fromDeal.get(item.id)!.keys()]).toEqual([defaultAssociationTypeId('deals', 'line_items')]);
    context.t.sandbox.log.clear();
    await create('create_line_item', { product_id: product.id, deal_id: deal.id, price: '250' });
    expect(calls()).toBe(1);
  });

  it('keeps values given in the step over the product’s', async () => {
    const product = await create('create_product', { name: 'Base', price: '100' });
    const item = await create('create_line_item', {
      product_id: product.id,
      name: 'Discounted base',
      price: '80',
    });
    expect(item.properties).toMatchObject({ name: 'Discounted base', price: '80' });
  });

  it.each([
    ['a product id that is not an id', { product_id: 'SUP-1' }, /Product ID \(product_id\)/],
    ['a deal id that is not an id', { deal_id: 'big deal' }, /Deal ID \(deal_id\)/],
    ['a product that does not exist', { product_id: '999999' }, /hs_product_id/],
    ['a wrong number', { name: 'L', quantity: 'a few' }, /quantity/],
    ['a deal that does not exist', { name: 'L', deal_id: '999999' }, /999999/],
  ])(
    'refuses a line item with %s, naming the field and writing nothing',
    async (_case, inputData, message) => {
      await expectRefused(create('create_line_item', inputData), message, lineItems);
    },
  );

  it('updates a product by SKU and a line item by id; a bad value names the field and changes nothing', async () => {
    const product = await create('create_product', { name: 'Seat', price: '40', hs_sku: 'SEAT-1' });
    const updated = await create('update_product', {
      record_id: 'SEAT-1',
      id_property: 'hs_sku',
      price: '45',
    });
    expect(updated.id).toBe(product.id);
    expect(updated.properties.price).toBe('45');
    const item = await create('create_line_item', { product_id: product.id, quantity: '2' });
    const changed = await create('update_line_item', {
      record_id: item.id,
      quantity: '5',
      hs_discount_percentage: '10',
    });
    expect(changed.properties).toMatchObject({ quantity: '5', hs_discount_percentage: '10' });
    const stored = () => context.t.sandbox.portal.records.get('0-8', item.id)!.properties.quantity;
    await expect(create('update_line_item', { record_id: item.id, quantity: 'many' })).rejects.toThrow(
      /quantity/i,
    );
    expect(stored()).toBe('5');
  });
});
