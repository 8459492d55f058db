import { type CheckOptions, checkPublish } from '../../scripts/publish/check';
import type { AppDefinition, Field, Operation } from '../../scripts/publish/definition';
import { RULES } from '../../scripts/publish/rules';

/**
 * The publishing checker itself: a small definition that follows every rule passes, and each rule fires on a copy
 * broken in exactly the way the rule forbids.
 */

const OPTIONS: CheckOptions = { appName: 'HubSpot', portalKey: '{{bundle.authData.hub_id}}', exemptions: [] };
const THROTTLE = { window: 1, limit: 5, key: 'hubspot-portal', scope: ['auth'] };
const perform = async () => [];

function op(
  key: string,
  noun: string,
  label: string,
  description: string,
  extra: Partial<Operation['operation']>,
) {
  return {
    key,
    noun,
    display: { label, description },
    operation: {
      perform,
      sample: { id: '101', email: 'ada@example.com' },
      outputFields: [...OUTPUT],
      ...extra,
    },
  };
}

const OUTPUT: Field[] = [
  { key: 'id', label: 'Contact ID', type: 'string' },
  { key: 'email', label: 'Email' },
];

const ownerField = (): Field => ({
  key: 'owner',
  label: 'Owner',
  dynamic: 'owner_list.id.label',
  helpText: 'The contact owner, chosen among the [owners](https://knowledge.hubspot.com/) of the account.',
});

/** A definition that follows every rule. */
function goodApp(): AppDefinition {
  return {
    authentication: {
      type: 'oauth2',
      test: perform,
      connectionLabel: '{{hub_domain}} ({{user}})',
      fields: [{ key: 'hub_domain', computed: true }],
    },
    throttle: { ...THROTTLE },
    triggers: {
      new_contact: op('new_contact', 'Contact', 'New Contact', 'Triggers when a new contact is created.', {
        type: 'polling',
        inputFields: [ownerField()],
      }),
      owner_list: {
        key: 'owner_list',
        noun: 'Owner',
        display: { label: 'List Owners', description: 'Lists owners.', hidden: true },
        operation: {
          perform,
          outputFields: [
            { key: 'id', label: 'ID' },
            { key: 'label', label: 'Label' },
          ],
        },
      },
    },
    creates: {
      create_contact: op('create_contact', 'Contact', 'Create Contact', 'Creates a new contact.', {
        inputFields: [
          {
            key: 'email',
            label: 'Email',
            required: true,
            helpText: 'Unique per contact: one with it is updated.',
          },
          ownerField(),
          async () => [],
        ],
      }),
      archive_contact: op('archive_contact', 'Contact', 'Archive Contact', 'Archives a contact.', {
        inputFields: [
          { key: 'warning', type: 'copy', helpText: 'The contact goes to the recycle bin for 90 days.' },
          {
            key: 'contact',
            label: 'Contact',
            required: true,
            dynamic: 'owner_list.id.label',
            search: 'find_contact.id',
            helpText: 'The contact to archive.',
          },
        ],
      }),
    },
    searches: {
      find_contact: op('find_contact', 'Contact', 'Find Contact', 'Finds a contact by e-mail.', {
        inputFields: [{ key: 'email', label: 'Email', required: true, helpText: 'An exact e-mail address.' }],
      }),
    },
    searchOrCreates: {
      find_contact: {
        key: 'find_contact',
        display: {
          label: 'Find or Create Contact',
          description: 'Finds a contact, or creates it when none matches.',
        },
        search: 'find_contact',
        create: 'create_contact',
      },
    },
  };
}

type Breaker = (app: Required<AppDefinition>) => void;
const trigger = (app: AppDefinition) => app.triggers!.new_contact!;
const create = (app: AppDefinition) => app.creates!.create_contact!;
const archive = (app: AppDefinition) => app.creates!.archive_contact!;
const search = (app: AppDefinition) => app.searches!.find_contact!;
const field = (o: Operation, key: string) => (o.operation.inputFields as Field[]).find((f) => f.key === key)!;
const addField = (o: Operation, f: Field) => o.operation.inputFields!.push(f);

/** Rule id, what is broken, how. */
const CASES: Array<[string, string, Breaker]> = [
  ['D001', 'an action asks for an API key', (a) => addField(create(a), { key: 'api_key', label: 'API Key' })],
  [
    'D002',
    'an auth field without a link',
    (a) => a.authentication.fields!.push({ key: 'token', label: 'Token' }),
  ],
  ['D003', 'no connection label', (a) => delete a.authentication.connectionLabel],
  ['D004', 'an ID field without dropdown', (a) => addField(create(a), { key: 'deal_id', label: 'Deal ID' })],
  ['D005', 'a dropdown on a missing trigger', (a) => (field(create(a), 'owner').dynamic = 'nope.id.label')],
  [
    'D005',
    'a dropdown trigger without the label field',
    (a) => (field(create(a), 'owner').dynamic = 'owner_list.id.name'),
  ],
  [
    'D006',
    'a hook without performList',
    (a) =>
      (trigger(a).operation = {
        ...trigger(a).operation,
        type: 'hook',
        performSubscribe: perform,
        performUnsubscribe: perform,
      }),
  ],
  ['D007', 'an http:// URL', (a) => (field(create(a), 'email').helpText = 'See `http://example.com`.')],
  [
    'D008',
    'a bare URL in help text',
    (a) => (field(create(a), 'email').helpText = 'See https://example.com.'),
  ],
  [
    'D008',
    'a half-written link',
    (a) => (field(create(a), 'email').helpText = 'See [the docs(https://example.com).'),
  ],
  ['D009', 'a search with no field', (a) => (search(a).operation.inputFields = [])],
  [
    'D010',
    'a trigger sample without id',
    (a) => (trigger(a).operation.sample = { email: 'ada@example.com' }),
  ],
  [
    'D010',
    'a primary field missing from the sample',
    (a) => trigger(a).operation.outputFields!.push({ key: 'key', label: 'Key', primary: true }),
  ],
  ['D011', 'help text repeating the label', (a) => (field(search(a), 'email').helpText = 'email')],
  ['D012', 'no sample', (a) => delete create(a).operation.sample],
  ['D012', 'a sample that is a list', (a) => (search(a).operation.sample = [{ id: '1' }])],
  [
    'D013',
    'a search link to a missing search',
    (a) => (field(archive(a), 'contact').search = 'find_deal.id'),
  ],
  [
    'D013',
    'a search link to a missing field',
    (a) => (field(archive(a), 'contact').search = 'find_contact.uuid'),
  ],
  ['D014', 'a search link without dropdown', (a) => delete field(archive(a), 'contact').dynamic],
  [
    'D015',
    'a search-or-create on a missing create',
    (a) => (a.searchOrCreates.find_contact!.create = 'create_lead'),
  ],
  [
    'D015',
    'a search-or-create with a missing update',
    (a) => (a.searchOrCreates.find_contact!.update = 'update_lead'),
  ],
  [
    'D017',
    'a static webhook',
    (a) => (trigger(a).operation = { ...trigger(a).operation, type: 'hook', performList: perform }),
  ],
  ['D018', 'a label not in title case', (a) => (create(a).display.label = 'Create contact')],
  [
    'D018',
    'a search-or-create label not in title case',
    (a) => (a.searchOrCreates.find_contact!.display.label = 'Find Or Create Contact'),
  ],
  [
    'D021',
    'a trigger description off pattern',
    (a) => (trigger(a).display.description = 'Fires on a new contact.'),
  ],
  ['D022', 'a create with only dynamic fields', (a) => (create(a).operation.inputFields = [async () => []])],
  [
    'D023',
    'a date without a zone',
    (a) => (create(a).operation.sample = { id: '1', email: 'a@b.c', at: '2023-08-01T06:50:30' }),
  ],
  [
    'D023',
    'a date in words',
    (a) => (create(a).operation.sample = { id: '1', email: 'a@b.c', at: '01 Aug 2023' }),
  ],
  [
    'D024',
    'a required output missing',
    (a) => create(a).operation.outputFields!.push({ key: 'name', label: 'Name', required: true }),
  ],
  ['D024', 'a sample of the wrong type', (a) => (create(a).operation.sample = { id: 101, email: 'a@b.c' })],
  [
    'D024',
    'a nested sample value of the wrong type',
    (a) => {
      create(a).operation.sample = { id: '1', email: 'a@b.c', properties: { amount: 'lots' } };
      create(a).operation.outputFields!.push({ key: 'properties__amount', label: 'Amount', type: 'number' });
    },
  ],
  [
    'D025',
    'a javascript: link',
    (a) => (field(create(a), 'email').helpText = 'See [this](javascript:alert(1)).'),
  ],
  [
    'D026',
    'a subdomain asked in auth',
    (a) =>
      a.authentication.fields!.push({
        key: 'subdomain',
        label: 'Subdomain',
        helpText: 'See [where](https://example.com).',
      }),
  ],
  [
    'PR-4.3',
    'a hard-coded client secret',
    (a) => (a.authentication.oauth2Config = { client_secret: 'hunter2' }),
  ],
  [
    'PR-4.3',
    'a hard-coded private-app token',
    (a) => (field(create(a), 'email').helpText = 'Use pat-na1-0123abcd-0000-0000-0000-000000000000.'),
  ],
  ['PR-5.6', 'a connection label of fixed words', (a) => (a.authentication.connectionLabel = 'HubSpot')],
  [
    'PR-5.6',
    'a connection label showing the token',
    (a) => (a.authentication.connectionLabel = '{{access_token}}'),
  ],
  ['BG-key', 'a meaningless key', (a) => (a.creates.action_1 = { ...create(a), key: 'action_1' })],
  ['BG-noun', 'no noun', (a) => delete create(a).noun],
  ['BG-noun', 'a plural noun', (a) => (create(a).noun = 'Contacts')],
  ['BG-search-label', 'a search called Get', (a) => (search(a).display.label = 'Get Contact')],
  [
    'BG-description',
    'an action description not starting with its verb',
    (a) => (create(a).display.description = 'A new contact.'),
  ],
  [
    'BG-description',
    'a search description not starting with Finds',
    (a) => (search(a).display.description = 'Searches contacts.'),
  ],
  [
    'BG-description',
    'a description naming the app',
    (a) => (create(a).display.description = 'Creates a new contact in HubSpot.'),
  ],
  [
    'BG-description',
    'a description naming Zapier',
    (a) => (create(a).display.description = 'Creates a contact from Zapier.'),
  ],
  ['BG-description', 'a capitalised noun', (a) => (create(a).display.description = 'Creates a new Contact.')],
  [
    'BG-description',
    'two sentences',
    (a) => (create(a).display.description = 'Creates a contact. Then it is there.'),
  ],
  ['BG-description', 'no final period', (a) => (create(a).display.description = 'Creates a contact')],
  [
    'BG-description',
    'too long',
    (a) => (create(a).display.description = `Creates a contact${', then more'.repeat(14)}.`),
  ],
  [
    'BG-field-order',
    'a required field after an optional one',
    (a) => addField(create(a), { key: 'name', label: 'Name', required: true, helpText: 'Full name.' }),
  ],
  ['BG-delete-copy', 'an archive without a warning', (a) => archive(a).operation.inputFields!.shift()],
  [
    'BG-update-trigger',
    'a generic updated trigger',
    (a) => (trigger(a).display.label = 'New or Updated Contact'),
  ],
  ['BG-output-fields', 'no output fields', (a) => (create(a).operation.outputFields = [])],
  [
    'BG-output-fields',
    'an output field without label',
    (a) => create(a).operation.outputFields!.push({ key: 'hs_lead_status' }),
  ],
  [
    'BG-dropdown-trigger',
    'a dropdown trigger shown to users',
    (a) => delete a.triggers.owner_list!.display.hidden,
  ],
  [
    'SCHEMA-display',
    'a label too long',
    (a) => (create(a).display.label = `Create ${'Very '.repeat(15)}Long Contact`),
  ],
  ['SCHEMA-auth-test', 'no auth test', (a) => delete a.authentication.test],
  [
    'SCHEMA-polling-throttle',
    'retry on a polling trigger',
    (a) => (trigger(a).operation.throttle = { ...THROTTLE, retry: false }),
  ],
  ['HB-help-text', 'a field without help text', (a) => delete field(create(a), 'email').helpText],
  [
    'HB-plural',
    'a broken plural in a label',
    (a) => (a.triggers.owner_list!.display.label = 'List Propertys'),
  ],
  [
    'HB-plural',
    'a broken plural in help text',
    (a) => (field(create(a), 'email').helpText = 'Like other Companys.'),
  ],
  ['HB-throttle', 'no app throttle', (a) => delete (a as AppDefinition).throttle],
  [
    'HB-throttle',
    'an app throttle not counted per connection',
    (a) => (a.throttle = { window: 10, limit: 80, scope: ['account'] }),
  ],
  [
    'HB-throttle',
    'an operation throttle of its own',
    (a) => (search(a).operation.throttle = { window: 1, limit: 5 }),
  ],
];

const check = (app: AppDefinition, options = OPTIONS) => checkPublish(app, options);

describe('check:publish', () => {
  it('passes a definition that follows every rule', () => {
    expect(check(goodApp()).findings).toEqual([]);
  });

  it.each(CASES)('%s fires on %s', (rule, _what, breakIt) => {
    const app = goodApp() as Required<AppDefinition>;
    breakIt(app);
    const findings = check(app).findings;
    expect(findings.map((f) => f.rule)).toContain(rule);
    for (const f of findings) expect(f.where).not.toBe('');
  });

  it('has a case for every rule it knows', () => {
    expect([...new Set(CASES.map(([rule]) => rule))].sort()).toEqual(Object.keys(RULES).sort());
  });

  it('names the rule, the place and a fix in each finding', () => {
    const app = goodApp();
    create(app).display.label = 'Create Line item';
    expect(check(app).findings).toEqual([
      {
        rule: 'D018',
        where: 'creates.create_contact.display.label',
        message: '"Create Line item" is not in title case; write "Create Line Item".',
      },
    ]);
  });

  it('moves an exempted finding aside with its reason, and reports an exemption that no longer matches', () => {
    const app = goodApp();
    trigger(app).display.label = 'New or Updated Contact';
    const exemption = { rule: 'BG-update-trigger', where: 'triggers.new_contact', reason: 'Kept for sync.' };
    const stale = { rule: 'D022', where: 'creates.create_contact', reason: 'Was dynamic.' };
    const result = check(app, { ...OPTIONS, exemptions: [exemption, stale] });
    expect(result.exempted).toEqual([
      expect.objectContaining({ rule: 'BG-update-trigger', reason: 'Kept for sync.' }),
    ]);
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: 'D022', where: 'creates.create_contact' }),
    ]);
  });
});
