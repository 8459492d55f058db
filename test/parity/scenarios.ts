import { findStandardObjectType } from '../../sandbox/facts/objectTypes';
import { createRecord } from '../../sandbox/objects/write';
import type { Portal } from '../../sandbox/portal';

/**
 * One run of an operation with the same inputs on both platforms. `setup` writes the records the run needs straight
 * into the portal (the same on both sandboxes, so ids match); inputs may use the ids it returns.
 */
export interface Scenario {
  key: string;
  setup?: (portal: Portal) => Record<string, string>;
  /** One run's input; for a file scenario `ids.file_url` is where the suite serves `file`. */
  input: (ids: Record<string, string>) => Record<string, unknown>;
  /**
   * A buffered operation (Zapier's `performBuffer`): the runs Zapier hands over as one buffer, each run's input being
   * `input` (what all runs share, e.g. the object type) with its own fields. Make's module takes the same records as
   * one array in one call: `makeInput` gives it.
   */
  runs?: (ids: Record<string, string>) => Record<string, unknown>[];
  /** Where one platform cannot take the same input (a file, an array of records), its own input. */
  makeInput?: (ids: Record<string, string>) => Record<string, unknown>;
  /** A file the suite serves over http for Zapier (whose file field is a URL); Make gets the bytes in `makeInput`. */
  file?: ServedFile;
}

export interface ServedFile {
  name: string;
  contentType: string;
  data: Buffer;
}

const type = (name: string) => findStandardObjectType(name)!;
const record = (portal: Portal, name: string, properties: Record<string, string>) =>
  createRecord(portal, type(name), { properties }).id;

const contact = (p: Portal) => ({
  contact: record(p, 'contacts', { email: 'ada@example.com', firstname: 'Ada' }),
});
const company = (p: Portal) => ({
  company: record(p, 'companies', { name: 'Analytical Engines', domain: 'engines.example.com' }),
});
const deal = (p: Portal) => ({
  deal: record(p, 'deals', {
    dealname: 'Q3 renewal',
    amount: '1200',
    pipeline: 'default',
    dealstage: 'appointmentscheduled',
  }),
});
const ticket = (p: Portal) => ({
  ticket: record(p, 'tickets', { subject: 'Printer jam', hs_pipeline: '0', hs_pipeline_stage: '1' }),
});
const product = (p: Portal) => ({
  product: record(p, 'products', { name: 'Widget', price: '10', hs_sku: 'W-1' }),
});
const order = (p: Portal) => ({
  order: record(p, 'orders', {
    hs_order_name: 'Order #1843',
    hs_currency_code: 'GBP',
    hs_total_price: '2400',
  }),
});
const all = (p: Portal) => ({ ...contact(p), ...company(p), ...deal(p), ...ticket(p), ...product(p) });

const HS_TIMESTAMP = '2026-06-01T10:00:00Z';

const contacts = (p: Portal) => ({
  first: record(p, 'contacts', { email: 'ann@example.com', firstname: 'Ann' }),
  second: record(p, 'contacts', { email: 'bo@example.com', firstname: 'Bo' }),
  third: record(p, 'contacts', { email: 'cy@example.com', firstname: 'Cy' }),
});

const UPSERTED = [
  { email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace' },
  { email: 'grace@example.com', firstname: 'Grace', lastname: 'Hopper' },
];

const REPORT: ServedFile = {
  name: 'q3-report.csv',
  contentType: 'text/csv',
  data: Buffer.from('name,amount\nAcme,12\n'),
};
const UPLOAD_TO = (ids: Record<string, string>) => ({
  folder_path: '/reports',
  attach_to_type: 'contacts',
  attach_to_id: ids.contact,
  note_body: 'Q3 figures',
});

export const SCENARIOS: Scenario[] = [
  // Records that exist before a poll: both platforms' first run shows the latest ones.
  ...['contact', 'company', 'deal', 'ticket'].flatMap((noun) => [
    { key: `new_${noun}`, setup: all, input: () => ({}) },
    { key: `new_or_updated_${noun}`, setup: all, input: () => ({}) },
  ]),
  // Orders: the commerce type a shop or ERP syncs most (issue 12).
  { key: 'new_order', setup: order, input: () => ({}) },
  { key: 'new_or_updated_order', setup: order, input: () => ({}) },
  { key: 'create_order', input: () => ({ hs_order_name: 'Order #1900', hs_total_price: '99' }) },
  {
    key: 'update_order',
    setup: order,
    input: (ids) => ({ record_id: ids.order, hs_fulfillment_status: 'Shipped' }),
  },
  {
    key: 'find_order',
    setup: order,
    input: () => ({ search_property: 'hs_order_name', search_value: 'Order #1843' }),
  },
  { key: 'archive_order', setup: order, input: (ids) => ({ record_id: ids.order }) },
  { key: 'create_quote', input: () => ({ hs_title: 'Two licences', hs_expiration_date: '2026-02-28' }) },
  { key: 'create_cart', input: () => ({ hs_cart_name: 'Abandoned', hs_external_cart_id: 'C-77' }) },
  {
    key: 'create_lead',
    setup: contact,
    input: (ids) => ({ contact_id: ids.contact, hs_lead_name: 'Ada Lovelace' }),
  },
  { key: 'new_object', setup: all, input: () => ({ object_type: 'products' }) },
  { key: 'new_or_updated_object', setup: all, input: () => ({ object_type: 'products' }) },
  { key: 'new_engagement', setup: all, input: () => ({ engagement_type: 'notes' }) },
  // Watch modules with several requests a run (make/watchModules.ts, make/formWatchModule.ts).
  { key: 'contact_property_change', setup: all, input: () => ({ property: 'firstname' }) },
  { key: 'object_property_change', setup: all, input: () => ({ object_type: 'products', property: 'name' }) },
  { key: 'deal_stage_changed', setup: all, input: () => ({}) },
  {
    key: 'new_form_submission',
    setup: (p) => {
      const form = p.forms.all()[0]!.id;
      p.forms.addSubmission(form, {
        conversionId: '00000000-0000-4000-8000-000000000001',
        submittedAt: p.now(),
        values: [{ name: 'email', value: 'ada@example.com', objectTypeId: '0-1' }],
      });
      return { form };
    },
    input: (ids) => ({ form_ids: [ids.form] }),
    // Make watches one required form (make/formWatchModule.ts, ONE_FORM_REASON).
    makeInput: (ids) => ({ form_id: ids.form }),
  },

  {
    key: 'create_contact',
    input: () => ({ email: 'grace@example.com', firstname: 'Grace', lifecyclestage: 'lead' }),
  },
  {
    key: 'update_contact',
    setup: contact,
    input: (ids) => ({ record_id: ids.contact, firstname: 'Augusta' }),
  },
  {
    key: 'update_contact',
    setup: contact,
    input: () => ({ record_id: 'ada@example.com', id_property: 'email', lastname: 'Lovelace' }),
  },
  {
    key: 'create_or_update_contact',
    setup: contact,
    input: () => ({ id_property: 'email', email: 'ada@example.com', jobtitle: 'Analyst' }),
  },
  {
    key: 'create_or_update_contact',
    input: () => ({ id_property: 'email', email: 'new@example.com', firstname: 'New' }),
  },
  // Sync Customer's paths: a new company with a note, an existing company, the contact alone with a note.
  {
    key: 'sync_customer',
    input: () => ({
      email: 'grace@navy.example.com',
      firstname: 'Grace',
      company_domain: 'https://Navy.example.com/',
      company_name: 'Navy',
      note: 'Ordered a compiler',
    }),
  },
  {
    key: 'sync_customer',
    setup: (p) => ({ ...contact(p), ...company(p) }),
    input: () => ({ email: 'ada@example.com', lastname: 'Lovelace', company_domain: 'engines.example.com' }),
  },
  { key: 'sync_customer', setup: contact, input: () => ({ email: 'ada@example.com', note: 'Called back' }) },
  {
    key: 'find_contact',
    setup: contact,
    input: () => ({ search_property: 'email', search_value: 'ada@example.com' }),
  },
  {
    key: 'find_contact',
    setup: contact,
    input: () => ({ search_property: 'firstname', search_value: 'Ada' }),
  },

  { key: 'create_company', input: () => ({ name: 'Difference Engines', domain: 'difference.example.com' }) },
  {
    key: 'update_company',
    setup: company,
    input: (ids) => ({ record_id: ids.company, industry: 'COMPUTER_SOFTWARE' }),
  },
  {
    key: 'create_or_update_company',
    setup: company,
    input: () => ({ id_property: 'hs_object_id', hs_object_id: '1', name: 'X' }),
  },
  {
    key: 'find_company',
    setup: company,
    input: () => ({ search_property: 'domain', search_value: 'engines.example.com' }),
  },

  {
    key: 'create_deal',
    input: () => ({
      dealname: 'New deal',
      amount: '500',
      pipeline: 'default',
      dealstage: 'appointmentscheduled',
    }),
  },
  // A create associating existing records inline: contacts under a portal label, a company with the default type.
  {
    key: 'create_deal',
    setup: (p) => {
      const [label] = p.associations.createLabel('0-3', '0-1', {
        name: 'decision_maker',
        label: 'Decision maker',
      });
      return { ...contact(p), ...company(p), label: `USER_DEFINED:${label!.typeId}` };
    },
    input: (ids) => ({
      dealname: 'Labelled',
      dealstage: 'appointmentscheduled',
      contact_ids: [ids.contact],
      contact_association_label: ids.label,
      company_ids: [ids.company],
    }),
  },
  { key: 'update_deal', setup: deal, input: (ids) => ({ record_id: ids.deal, amount: '1500' }) },
  {
    key: 'find_deal',
    setup: deal,
    input: (ids) => ({ search_property: 'hs_object_id', search_value: ids.deal }),
  },

  { key: 'create_ticket', input: () => ({ subject: 'Paper out', hs_pipeline: '0', hs_pipeline_stage: '1' }) },
  {
    key: 'update_ticket',
    setup: ticket,
    input: (ids) => ({ record_id: ids.ticket, hs_ticket_priority: 'HIGH' }),
  },
  {
    key: 'find_ticket',
    setup: ticket,
    input: () => ({ search_property: 'subject', search_value: 'Printer jam' }),
  },

  { key: 'create_product', input: () => ({ name: 'Gear', price: '3', hs_sku: 'G-1' }) },
  { key: 'update_product', setup: product, input: (ids) => ({ record_id: ids.product, price: '12' }) },
  { key: 'find_product', setup: product, input: () => ({ search_property: 'name', search_value: 'Widget' }) },

  {
    key: 'create_line_item',
    setup: (p) => ({ ...product(p), ...deal(p) }),
    input: (ids) => ({ product_id: ids.product, deal_id: ids.deal, quantity: '2' }),
  },

  { key: 'create_object', input: () => ({ object_type: 'products', name: 'Sprocket', price: '4' }) },
  {
    key: 'update_object',
    setup: product,
    input: (ids) => ({ object_type: 'products', record_id: ids.product, price: '11' }),
  },
  {
    key: 'create_or_update_object',
    setup: contact,
    input: () => ({
      object_type: 'contacts',
      id_property: 'email',
      email: 'ada@example.com',
      city: 'London',
    }),
  },
  {
    key: 'find_object',
    setup: product,
    input: () => ({ object_type: 'products', search_property: 'hs_sku', search_value: 'W-1' }),
  },
  {
    key: 'archive_object',
    setup: product,
    input: (ids) => ({ object_type: 'products', record_id: ids.product }),
  },
  {
    key: 'merge_records',
    setup: (p) => ({
      a: record(p, 'contacts', { email: 'a@example.com' }),
      b: record(p, 'contacts', { email: 'b@example.com' }),
    }),
    input: (ids) => ({ object_type: 'contacts', primary_id: ids.a, merged_id: ids.b }),
  },

  ...['note', 'task', 'call', 'meeting', 'email'].map((kind) => ({
    key: `create_${kind}`,
    setup: (p: Portal) => ({ ...contact(p), ...deal(p) }),
    input: (ids: Record<string, string>) => ({
      hs_timestamp: HS_TIMESTAMP,
      contact_ids: [ids.contact],
      deal_ids: [ids.deal],
    }),
  })),

  {
    key: 'create_association',
    setup: (p) => ({ ...contact(p), ...company(p) }),
    input: (ids) => ({
      from_object_type: 'contacts',
      from_id: ids.contact,
      to_object_type: 'companies',
      to_id: ids.company,
    }),
  },
  {
    key: 'remove_association',
    setup: (p) => {
      const ids = { ...contact(p), ...company(p) };
      p.associations.addDefault('0-1', ids.contact, '0-2', ids.company);
      return ids;
    },
    input: (ids) => ({
      from_object_type: 'contacts',
      from_id: ids.contact,
      to_object_type: 'companies',
      to_id: ids.company,
    }),
  },
  {
    key: 'find_associations',
    setup: (p) => {
      const ids = { ...contact(p), ...company(p) };
      p.associations.addDefault('0-1', ids.contact, '0-2', ids.company);
      return ids;
    },
    input: (ids) => ({ from_object_type: 'contacts', from_id: ids.contact, to_object_type: 'companies' }),
  },

  // Get and Search Records (issue 12 item 2). Search conditions: line items on Zapier, nested filter groups on Make.
  { key: 'get_contact', setup: contact, input: (ids) => ({ record_id: ids.contact }) },
  {
    key: 'get_contact',
    setup: contact,
    input: () => ({ record_id: 'ada@example.com', id_property: 'email', properties_to_retrieve: ['city'] }),
  },
  { key: 'get_deal', setup: deal, input: (ids) => ({ record_id: ids.deal }) },
  { key: 'get_ticket', setup: ticket, input: (ids) => ({ record_id: ids.ticket }) },
  {
    key: 'get_object',
    setup: product,
    input: (ids) => ({ object_type: 'products', record_id: ids.product }),
  },
  {
    key: 'search_contacts',
    setup: contact,
    input: () => ({ conditions: [{ group: '1', property: 'firstname', operator: 'EQ', value: 'Ada' }] }),
    makeInput: () => ({
      conditions: [{ filters: [{ propertyName: 'firstname', operator: 'EQ', value: 'Ada' }] }],
    }),
  },
  {
    key: 'search_companies',
    setup: company,
    input: () => ({
      conditions: [
        { group: '1', property: 'name', operator: 'CONTAINS_TOKEN', value: 'Engines' },
        { group: '2', property: 'domain', operator: 'HAS_PROPERTY' },
      ],
      sort_property: 'name',
      sort_direction: 'ASCENDING',
      limit: '5',
    }),
    makeInput: () => ({
      conditions: [
        { filters: [{ propertyName: 'name', operator: 'CONTAINS_TOKEN', value: 'Engines' }] },
        { filters: [{ propertyName: 'domain', operator: 'HAS_PROPERTY' }] },
      ],
      sort_property: 'name',
      sort_direction: 'ASCENDING',
      // Make hands an integer parameter over as a number.
      limit: 5,
    }),
  },
  {
    key: 'search_objects',
    setup: product,
    input: () => ({
      object_type: 'products',
      conditions: [{ property: 'hs_sku', operator: 'IN', value: 'W-1, W-2' }],
    }),
    makeInput: () => ({
      object_type: 'products',
      conditions: [{ filters: [{ propertyName: 'hs_sku', operator: 'IN', values: ['W-1', 'W-2'] }] }],
    }),
  },
  { key: 'new_product', setup: all, input: () => ({}) },
  {
    key: 'new_line_item',
    setup: (p) => ({
      ...all(p),
      item: record(p, 'line_items', { name: 'Widget', quantity: '1', price: '10' }),
    }),
    input: () => ({}),
  },

  { key: 'find_owner', input: () => ({ email_or_id: 'owner@example.com' }) },

  // Workflows, sequences, subscriptions, events, e-mail and files (seeded in every sandbox portal).
  {
    key: 'enroll_in_workflow',
    setup: contact,
    input: () => ({ workflow_id: '585051946', email: 'ada@example.com' }),
  },
  {
    key: 'enroll_in_sequence',
    setup: contact,
    input: (ids) => ({
      user_id: '2002',
      sequence_id: '300001',
      contact_id: ids.contact,
      sender_email: 'alice.martin@example.com',
    }),
  },
  {
    key: 'update_subscription',
    input: () => ({ email: 'ada@example.com', subscription_id: '7001', status: 'NOT_SUBSCRIBED' }),
  },
  {
    key: 'update_subscription',
    input: () => ({
      email: 'ada@example.com',
      subscription_id: '7002',
      status: 'SUBSCRIBED',
      legal_basis: 'CONSENT_WITH_NOTICE',
      legal_basis_explanation: 'Ticked the box',
    }),
  },
  {
    key: 'send_behavioral_event',
    input: () => ({
      event_name: 'pe62515_app_login',
      email: 'ada@example.com',
      properties: '{"plan":"pro"}',
    }),
  },
  {
    // The parity sandboxes connect with a private-app token, which HubSpot refuses for timeline events: both
    // platforms must send the same request and fail the same way (the OAuth path is in the integration tests).
    key: 'create_timeline_event',
    setup: contact,
    input: () => ({
      event_template_id: '1001',
      email: 'ada@example.com',
      tokens: '{"webinarName":"Pricing 101"}',
    }),
  },
  {
    key: 'send_transactional_email',
    input: () => ({ email_id: '41000001', to: 'buyer@example.com', custom_properties: '{"order_id":"A-1"}' }),
  },
  {
    // A public file: one call, and an output with no time in it (a private file's signed link carries one).
    key: 'find_file',
    setup: (p) => {
      const file = p.files.add({
        name: 'proposal',
        extension: 'pdf',
        type: 'DOCUMENT',
        size: 10,
        fileMd5: 'x',
        access: 'PUBLIC_INDEXABLE',
        path: '/docs/proposal.pdf',
        url: 'https://files.example.com/proposal.pdf',
        createdAt: 1_000,
        updatedAt: 1_000,
        archived: false,
      });
      return { file: file.id };
    },
    input: () => ({ name: 'proposal', extension: 'pdf' }),
  },
  // Issue 12's further steps, each once on both platforms.
  { key: 'get_company', setup: company, input: (ids) => ({ record_id: ids.company }) },
  {
    key: 'search_deals',
    setup: deal,
    input: () => ({ conditions: [{ group: '1', property: 'amount', operator: 'GTE', value: '1000' }] }),
    makeInput: () => ({
      conditions: [{ filters: [{ propertyName: 'amount', operator: 'GTE', value: '1000' }] }],
    }),
  },
  {
    key: 'search_tickets',
    setup: ticket,
    input: () => ({
      conditions: [{ group: '1', property: 'subject', operator: 'CONTAINS_TOKEN', value: 'Printer' }],
    }),
    makeInput: () => ({
      conditions: [{ filters: [{ propertyName: 'subject', operator: 'CONTAINS_TOKEN', value: 'Printer' }] }],
    }),
  },
  { key: 'ticket_stage_changed', setup: all, input: () => ({}) },
  {
    key: 'update_line_item',
    setup: (p) => ({ item: record(p, 'line_items', { name: 'Widget', quantity: '1', price: '10' }) }),
    input: (ids) => ({ record_id: ids.item, quantity: '3' }),
  },
  ...(
    [
      ['cart', 'carts', 'hs_cart_name', 'Abandoned'],
      ['invoice', 'invoices', 'hs_purchase_order_number', 'PO-1'],
      ['quote', 'quotes', 'hs_title', 'Two licences'],
      ['lead', 'leads', 'hs_lead_name', 'Ada Lovelace'],
    ] as const
  ).flatMap(([noun, type, property, value]) => {
    const setup = (p: Portal): Record<string, string> => {
      // A quote needs its expiration date, a lead its primary contact (578), as HubSpot requires on create.
      if (noun === 'quote')
        return { quote: record(p, type, { [property]: value, hs_expiration_date: '2026-12-31' }) };
      if (noun !== 'lead') return { [noun]: record(p, type, { [property]: value }) };
      const { contact: contactId } = contact(p);
      const to = { id: contactId };
      const types = [{ associationCategory: 'HUBSPOT_DEFINED' as const, associationTypeId: 578 }];
      return {
        lead: createRecord(p, findStandardObjectType(type)!, {
          properties: { [property]: value },
          associations: [{ to, types }],
        }).id,
      };
    };
    return [
      { key: `new_${noun}`, setup, input: () => ({}) },
      {
        key: `update_${noun}`,
        setup,
        input: (ids: Record<string, string>) => ({ record_id: ids[noun]!, [property]: `${value} (2)` }),
      },
      { key: `find_${noun}`, setup, input: () => ({ search_property: property, search_value: value }) },
    ];
  }),
  { key: 'create_invoice', input: () => ({ hs_purchase_order_number: 'PO-2', hs_currency: 'EUR' }) },
  ...(['add_to_list', 'remove_from_list'] as const).map((key) => ({
    key,
    setup: (p: Portal) => {
      const ids = contact(p);
      const list = p.lists.create({
        name: 'Customers',
        objectTypeId: '0-1',
        processingType: 'MANUAL',
        createdAt: p.now(),
        updatedAt: p.now(),
        createdById: '1',
      });
      if (key === 'remove_from_list') list.members.set(ids.contact, p.now());
      return { ...ids, list: list.listId };
    },
    input: (ids: Record<string, string>) => ({ list_id: ids.list!, record_ids: [ids.contact!] }),
  })),
  {
    key: 'find_list',
    setup: (p) => ({
      list: p.lists.create({
        name: 'Newsletter',
        objectTypeId: '0-1',
        processingType: 'MANUAL',
        createdAt: p.now(),
        updatedAt: p.now(),
        createdById: '1',
      }).listId,
    }),
    input: () => ({ name_or_id: 'Newsletter' }),
  },
  {
    key: 'submit_form',
    setup: (p) => ({ form: p.forms.all()[1]!.id }),
    input: (ids) => ({
      form_id: ids.form,
      fields: '{"email": "news@example.com", "firstname": "Nia"}',
      page_uri: 'https://www.example.com/news',
    }),
  },
  // Bulk: Zapier buffers runs (one batch call for all of them), Make takes the same records as one array.
  {
    key: 'batch_update',
    setup: contacts,
    input: () => ({ object_type: 'contacts' }),
    runs: (ids) => [
      { record_id: ids.first, city: 'Turin' },
      { record_id: ids.second, city: 'Genoa' },
      { record_id: 'cy@example.com', id_property: 'email', city: 'Milan' },
    ],
    makeInput: (ids) => ({
      object_type: 'contacts',
      inputs: [
        { id: ids.first, properties: { city: 'Turin' } },
        { id: ids.second, properties: { city: 'Genoa' } },
        { id: 'cy@example.com', idProperty: 'email', properties: { city: 'Milan' } },
      ],
    }),
  },
  {
    key: 'batch_archive',
    setup: contacts,
    input: () => ({ object_type: 'contacts' }),
    runs: (ids) => [{ record_id: ids.first }, { record_id: ids.third }],
    makeInput: (ids) => ({ object_type: 'contacts', inputs: [{ id: ids.first }, { id: ids.third }] }),
  },
  {
    // One existing contact (matched by e-mail, updated) and one new.
    key: 'batch_upsert',
    setup: contact,
    input: () => ({ object_type: 'contacts', id_property: 'email' }),
    runs: () => UPSERTED,
    makeInput: () => ({
      object_type: 'contacts',
      id_property: 'email',
      inputs: UPSERTED.map((properties) => ({ id: properties.email, properties })),
    }),
  },
  {
    // Zapier's file field is a URL the step downloads (the name comes from it); Make's is the bytes and a name.
    key: 'upload_file',
    setup: contact,
    file: REPORT,
    input: (ids) => ({ file: ids.file_url, ...UPLOAD_TO(ids) }),
    makeInput: (ids) => ({ file: REPORT.data, file_name: REPORT.name, ...UPLOAD_TO(ids) }),
  },
  {
    key: 'api_request',
    setup: contact,
    input: (ids) => ({ method: 'GET', path: `/crm/v3/objects/contacts/${ids.contact}` }),
  },
];

/** Each scenario's name: its operation's key, then `key#2`, `key#3`… for an operation's further scenarios. */
export function namedScenarios(): (readonly [string, Scenario])[] {
  const counts = new Map<string, number>();
  return SCENARIOS.map((s) => {
    const n = (counts.get(s.key) ?? 0) + 1;
    counts.set(s.key, n);
    return [n === 1 ? s.key : `${s.key}#${n}`, s] as const;
  });
}
