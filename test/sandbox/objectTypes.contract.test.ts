import { AssociationTypes, Client } from '@hubspot/api-client';
import { AssociationSpecAssociationCategoryEnum as Category } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/AssociationSpec';
import { ALL_SCOPES } from '../../sandbox/facts/scopes';
import { refusal, useSdkSandbox } from '../support/sdk';

/**
 * The sales, commerce and communication types through `@hubspot/api-client` 14, each with its own API where the
 * client has one (quotes, leads, invoices, communications, postal mail, feedback submissions) and the generic objects
 * API otherwise (orders, carts). The client throws on any status it does not expect, so a passing call proves the
 * status HubSpot answers; refusals carry HubSpot's category.
 */

const hubspotDefined = (associationTypeId: number) => [
  { associationCategory: Category.HubspotDefined, associationTypeId },
];

describe('sandbox sales and commerce types under @hubspot/api-client 14', () => {
  const s = useSdkSandbox();

  it('quotes: create (201) needs a title and an expiration date; read, update, archive (204)', async () => {
    const api = s.client.crm.quotes.basicApi;
    const missing = await refusal(api.create({ properties: { hs_title: 'No date' }, associations: [] }));
    expect([missing.code, missing.body.category, missing.body.message]).toEqual([
      400,
      'VALIDATION_ERROR',
      expect.stringContaining('hs_expiration_date'),
    ]);
    const quote = await api.create({
      properties: { hs_title: 'Two licences', hs_expiration_date: '2026-02-28' },
      associations: [],
    });
    expect((await api.getById(quote.id, ['hs_title'])).properties.hs_title).toBe('Two licences');
    await api.update(quote.id, { properties: { hs_status: 'APPROVED' } });
    await api.archive(quote.id);
    expect((await refusal(api.getById(quote.id))).code).toBe(404);
  });

  it('leads: create needs the contact as primary contact (578), through the leads API', async () => {
    const contact = await s.client.crm.contacts.basicApi.create({
      properties: { email: 'sdk-lead@example.com' },
      associations: [],
    });
    const api = s.client.crm.objects.leads.basicApi;
    const orphan = await refusal(api.create({ properties: { hs_lead_name: 'Orphan' }, associations: [] }));
    expect([orphan.code, orphan.body.category]).toEqual([400, 'VALIDATION_ERROR']);
    // The unlabelled lead → contact type is not the primary contact the docs require.
    const unlabelled = await refusal(
      api.create({
        properties: { hs_lead_name: 'Unlabelled' },
        associations: [{ to: { id: contact.id }, types: hubspotDefined(608) }],
      }),
    );
    expect(unlabelled.code).toBe(400);
    const lead = await api.create({
      properties: { hs_lead_name: 'Ada Lovelace', hs_lead_type: 'NEW_BUSINESS' },
      associations: [{ to: { id: contact.id }, types: hubspotDefined(578) }],
    });
    const page = await s.client.crm.associations.v4.basicApi.getPage('leads', lead.id, 'contacts');
    expect(
      page.results.map((r) => [String(r.toObjectId), r.associationTypes.map((a) => a.typeId).sort()]),
    ).toEqual([[contact.id, [578, 608]]]);
    expect((await api.getPage(10)).results.map((l) => l.id)).toContain(lead.id);
  });

  it('invoices: the commerce API creates, searches and archives', async () => {
    const api = s.client.crm.commerce.invoices;
    const invoice = await api.basicApi.create({
      properties: { hs_currency: 'EUR', hs_purchase_order_number: 'PO-SDK' },
      associations: [],
    });
    const found = await api.searchApi.doSearch({
      filterGroups: [
        { filters: [{ propertyName: 'hs_purchase_order_number', operator: 'EQ', value: 'PO-SDK' }] },
      ],
      properties: ['hs_currency'],
      limit: 10,
      after: '0',
      sorts: [],
    } as never);
    expect(found.results.map((r) => [r.id, r.properties.hs_currency])).toEqual([[invoice.id, 'EUR']]);
    await api.basicApi.archive(invoice.id);
  });

  it('communications need a channel; postal mail a timestamp; both associate with the enum’s type ids', async () => {
    const contact = await s.client.crm.contacts.basicApi.create({
      properties: { email: 'sdk-sms@example.com' },
      associations: [],
    });
    const api = s.client.crm.objects.communications.basicApi;
    const noChannel = await refusal(
      api.create({ properties: { hs_timestamp: '2026-01-05T09:00:00Z' }, associations: [] }),
    );
    expect([noChannel.code, noChannel.body.message]).toEqual([
      400,
      expect.stringContaining('hs_communication_channel_type'),
    ]);
    const sms = await api.create({
      properties: {
        hs_timestamp: '2026-01-05T09:00:00Z',
        hs_communication_channel_type: 'SMS',
        hs_communication_logged_from: 'CRM',
        hs_communication_body: 'On my way',
      },
      associations: [
        { to: { id: contact.id }, types: hubspotDefined(AssociationTypes.communicationToContact) },
      ],
    });
    expect(sms.properties.hs_communication_channel_type).toBe('SMS');
    const mail = await s.client.crm.objects.postalMail.basicApi.create({
      properties: { hs_timestamp: '2026-01-05T09:00:00Z', hs_postal_mail_body: 'Letter' },
      associations: [{ to: { id: contact.id }, types: hubspotDefined(AssociationTypes.postalMailToContact) }],
    });
    const back = await s.client.crm.associations.v4.basicApi.getPage('contacts', contact.id, 'postal_mail');
    expect(back.results.map((r) => [String(r.toObjectId), r.associationTypes[0]?.typeId])).toEqual([
      [mail.id, AssociationTypes.contactToPostalMail],
    ]);
  });

  it('feedback submissions are read only: the client lists them; a write answers 405', async () => {
    const page = await s.client.crm.objects.feedbackSubmissions.basicApi.getPage(10);
    expect(page.results).toEqual([]);
    const write = await refusal(
      s.client.crm.objects.basicApi.create('feedback_submissions', { properties: {}, associations: [] }),
    );
    expect(write.code).toBe(405);
  });

  it('orders and carts through the generic objects API, by name and by objectTypeId', async () => {
    const api = s.client.crm.objects.basicApi;
    const order = await api.create('orders', {
      properties: { hs_order_name: 'Order #1843', hs_total_price: '2400' },
      associations: [],
    });
    expect((await api.getById('0-123', order.id, ['hs_order_name'])).properties.hs_order_name).toBe(
      'Order #1843',
    );
    const cart = await api.create('0-142', {
      properties: { hs_cart_name: 'Cart' },
      associations: [{ to: { id: order.id }, types: hubspotDefined(592) }],
    });
    const fromOrder = await s.client.crm.associations.v4.basicApi.getPage('orders', order.id, 'carts');
    expect(fromOrder.results.map((r) => [String(r.toObjectId), r.associationTypes[0]?.typeId])).toEqual([
      [cart.id, 593],
    ]);
    const read = await s.client.crm.objects.batchApi.read('orders', {
      inputs: [{ id: order.id }],
      properties: ['hs_total_price'],
      propertiesWithHistory: [],
    });
    expect(read.results.map((r) => r.properties.hs_total_price)).toEqual(['2400']);
    await api.archive('carts', cart.id);
  });

  it('the labels API lists the order → contact and invoice → deal types', async () => {
    const definitions = s.client.crm.associations.v4.schema.definitionsApi;
    expect((await definitions.getAll('orders', 'contacts')).results.map((d) => d.typeId)).toEqual([507]);
    expect((await definitions.getAll('invoices', 'deals')).results.map((d) => d.typeId)).toEqual([175]);
    const leadLabels = (await definitions.getAll('leads', 'contacts')).results.map((d) => [
      d.typeId,
      d.label,
    ]);
    expect(leadLabels).toEqual(expect.arrayContaining([[578, 'Primary']]));
  });

  it('a token without the orders scope is refused with 403 MISSING_SCOPES naming it', async () => {
    const token = s.t.sandbox.portal.auth.createPrivateAppToken({
      scopes: ALL_SCOPES.filter((scope) => !scope.startsWith('crm.objects.orders.')),
    });
    const client = new Client({ accessToken: token, basePath: s.t.url });
    const refused = await refusal(client.crm.objects.basicApi.getPage('orders'));
    expect([refused.code, refused.body.category]).toEqual([403, 'MISSING_SCOPES']);
    expect(refused.body.errors?.[0]?.context?.requiredGranularScopes).toEqual(['crm.objects.orders.read']);
  });
});
