import { ALL_SCOPES } from '../../hubspot/scopes';
import { expectRefused, liveCount, runner, tick, useZapierSandbox } from '../support/crm';
import { run } from '../support/zapier';

/**
 * Orders, carts, invoices, quotes and leads through the Zapier app against the sandbox: writes, finds, triggers,
 * archive, the lead's required contact, and what a connection without a tier's scope is told.
 */
describe('Zapier sales and commerce operations against the sandbox', () => {
  const context = useZapierSandbox();
  const { create, search, poll } = runner(context);
  const count = (objectTypeId: string) => () => liveCount(context.t, objectTypeId);

  it('creates an order, updates its fulfilment, finds it by name, then archives it', async () => {
    const order = await create('create_order', {
      hs_order_name: 'Order #1843',
      hs_currency_code: 'GBP',
      hs_total_price: '2400',
    });
    expect(order.properties).toMatchObject({ hs_order_name: 'Order #1843', hs_total_price: '2400' });
    const updated = await create('update_order', { record_id: order.id, hs_fulfillment_status: 'Shipped' });
    expect(updated.properties.hs_fulfillment_status).toBe('Shipped');
    const found = await search('find_order', {
      search_property: 'hs_order_name',
      search_value: 'Order #1843',
    });
    expect(found.map((o) => o.id)).toEqual([order.id]);
    expect(found[0]!.properties.hs_fulfillment_status).toBe('Shipped');
    const before = count('0-123')();
    expect(await create('archive_order', { record_id: order.id })).toEqual({
      id: order.id,
      archived: true,
      object_type: 'orders',
    });
    expect(count('0-123')()).toBe(before - 1);
    await expect(create('archive_order', { record_id: order.id })).rejects.toThrow(/no order has record ID/);
  });

  it('fires new_order once per order and new_or_updated_order again on a change', async () => {
    await poll('new_order', 'zap-orders');
    await poll('new_or_updated_order', 'zap-order-changes');
    await tick();
    const order = await create('create_order', { hs_order_name: 'Order #1900' });
    await tick();
    expect((await poll('new_order', 'zap-orders')).map((i) => i.id)).toEqual([order.id]);
    expect(await poll('new_order', 'zap-orders')).toEqual([]);
    expect((await poll('new_or_updated_order', 'zap-order-changes')).map((i) => i.id)).toEqual([order.id]);
    await tick();
    await create('update_order', { record_id: order.id, hs_fulfillment_status: 'Packing' });
    await tick();
    const changes = await poll('new_or_updated_order', 'zap-order-changes');
    expect(
      changes.map((i) => [i.id, (i.properties as Record<string, string>).hs_fulfillment_status]),
    ).toEqual([[order.id, 'Packing']]);
  });

  it('creates, updates and finds a cart and an invoice; new_cart and new_invoice fire once', async () => {
    await poll('new_cart', 'zap-carts');
    await poll('new_invoice', 'zap-invoices');
    await tick();
    const cart = await create('create_cart', { hs_cart_name: 'Abandoned', hs_external_cart_id: 'C-77' });
    const invoice = await create('create_invoice', { hs_currency: 'GBP', hs_due_date: '2026-02-04' });
    expect(invoice.properties.hs_due_date).toBe('2026-02-04');
    await create('update_cart', { record_id: cart.id, hs_external_status: 'recovered' });
    await create('update_invoice', { record_id: invoice.id, hs_purchase_order_number: 'PO-9' });
    const carts = await search('find_cart', { search_property: 'hs_external_cart_id', search_value: 'C-77' });
    expect(carts.map((c) => [c.id, c.properties.hs_external_status])).toEqual([[cart.id, 'recovered']]);
    const invoices = await search('find_invoice', {
      search_property: 'hs_purchase_order_number',
      search_value: 'PO-9',
    });
    expect(invoices.map((i) => i.id)).toEqual([invoice.id]);
    await tick();
    expect((await poll('new_cart', 'zap-carts')).map((i) => i.id)).toEqual([cart.id]);
    expect((await poll('new_invoice', 'zap-invoices')).map((i) => i.id)).toEqual([invoice.id]);
  });

  it('creates a quote only with its title and expiration date, naming the missing one', async () => {
    await expectRefused(create('create_quote', { hs_title: 'No date' }), /hs_expiration_date/, count('0-14'));
    const quote = await create('create_quote', {
      hs_title: 'Two licences',
      hs_expiration_date: '2026-02-28',
    });
    expect(quote.properties).toMatchObject({ hs_title: 'Two licences', hs_expiration_date: '2026-02-28' });
    const found = await search('find_quote', { search_property: 'hs_title', search_value: 'Two licences' });
    expect(found.map((q) => q.id)).toEqual([quote.id]);
  });

  it('creates a lead with its contact as primary contact, and refuses one without a contact', async () => {
    const contact = await create('create_contact', { email: 'lead.owner@example.com' });
    await expectRefused(create('create_lead', { hs_lead_name: 'No contact' }), /Contact ID/, count('0-136'));
    await expectRefused(
      create('create_lead', { contact_id: contact.id }),
      /hs_lead_name|Lead name/,
      count('0-136'),
    );
    const lead = await create('create_lead', { contact_id: contact.id, hs_lead_name: 'Ada Lovelace' });
    expect(lead).toMatchObject({ contact_id: contact.id, properties: { hs_lead_name: 'Ada Lovelace' } });
    const created = context.t.sandbox.log.all().find((e) => e.method === 'POST' && e.path.endsWith('/leads'));
    expect(created?.body).toMatchObject({
      associations: [{ to: { id: contact.id }, types: [{ associationTypeId: 578 }] }],
    });
    const updated = await create('update_lead', { record_id: lead.id, hs_lead_label: 'HOT' });
    expect(updated.properties.hs_lead_label).toBe('HOT');
    const found = await search('find_lead', {
      search_property: 'hs_lead_name',
      search_value: 'Ada Lovelace',
    });
    expect(found.map((l) => l.id)).toEqual([lead.id]);
  });

  it('tells a connection without the leads scope that leads need Sales Hub Professional or Enterprise', async () => {
    const token = context.t.sandbox.portal.auth.createPrivateAppToken({
      scopes: ALL_SCOPES.filter((s) => !s.startsWith('crm.objects.leads.')),
    });
    const step = run('searches', 'find_lead', {
      authData: { ...context.authData, access_token: token },
      inputData: { search_property: 'hs_lead_name', search_value: 'Ada' },
    });
    await expect(step).rejects.toThrow(
      /missing the permission\(s\) crm\.objects\.leads\.read\. Leads need Sales Hub Professional or Enterprise/,
    );
  });

  it('lists every standard type in the object-type picker with what it needs', async () => {
    const items = (await run('triggers', 'object_type_list', { authData: context.authData })) as Array<{
      id: string;
      label: string;
    }>;
    const label = (id: string) => items.find((i) => i.id === id)?.label;
    expect(label('orders')).toBe('Orders');
    expect(label('leads')).toMatch(/^Leads \(needs Sales Hub Professional or Enterprise/);
    expect(label('feedback_submissions')).toMatch(/^Feedback submissions \(read only; needs Service Hub/);
    expect(label('appointments')).toMatch(/object library/);
  });

  it('refuses a write to read-only feedback submissions naming the type field, before any call', async () => {
    await expectRefused(
      create('create_object', { object_type: 'feedback_submissions', hs_sentiment: 'POSITIVE' }),
      /Object type \(object_type\): Feedback submissions are read only/,
      count('0-19'),
    );
    expect(context.t.sandbox.log.all()).toEqual([]);
    // Were it sent anyway, HubSpot has no such endpoint: the sandbox answers its 405.
    const sent = await context.t.call('POST', '/crm/v3/objects/feedback_submissions', { properties: {} });
    expect(sent.status).toBe(405);
  });
});
