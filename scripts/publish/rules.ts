/**
 * The rules `npm run check:publish` applies, one place for each rule's id, what it asks and where it comes from.
 * Ids with a letter and three digits are Zapier's own (the integration checks run when a version is submitted).
 * `PR-` ids are sections of Zapier's publishing requirements, `BG-` ids rules of its build guidelines (which number
 * nothing), `SCHEMA-` ids rules of zapier-platform-schema, and `HB-` ids this project's own rules (issue 9).
 */

const CHECKS = 'https://platform.zapier.com/publish/integration-checks-reference';
const GUIDELINES = 'https://platform.zapier.com/publish/integration-build-guidelines';
const REQUIREMENTS = 'https://platform.zapier.com/publish/integration-publishing-requirements';
const SCHEMA = 'https://github.com/zapier/zapier-platform/blob/main/packages/schema/docs/build/schema.md';

export interface Rule {
  title: string;
  source: string;
}

const check = (id: string, title: string): [string, Rule] => [id, { title, source: `${CHECKS}#${id}` }];

export const RULES: Readonly<Record<string, Rule>> = Object.fromEntries([
  check('D001', 'Asks for an API key or other credential in an action instead of in the authentication'),
  check('D002', 'Authentication fields link to where the user finds the credential'),
  check('D003', 'A connection label is set'),
  check('D004', 'ID fields have dynamic dropdowns'),
  check('D005', 'A dynamic dropdown points at an existing trigger that returns its value and label fields'),
  check('D006', 'A REST hook trigger has a polling URL (performList)'),
  check('D007', 'All URLs are HTTPS'),
  check('D008', 'Links in descriptions and help texts are valid Markdown links (or in backticks)'),
  check('D009', 'A search has at least one search field'),
  check('D010', "A polling trigger's static sample holds its primary key (id by default)"),
  check('D011', 'Help text does not repeat the label'),
  check('D012', 'Every trigger, search and action has a static sample of one item'),
  check('D013', 'A search-powered field points at an existing search and one of its output fields'),
  check('D014', 'A search-powered field also has a dynamic dropdown'),
  check('D015', 'A search-or-create points at an existing search, create and update'),
  check('D017', 'A REST hook trigger subscribes and unsubscribes (no static webhook)'),
  check('D018', 'Trigger, action and search labels are in title case'),
  check('D021', 'A trigger description starts with "Triggers when " and ends with a period'),
  check('D022', 'A create has static input fields (for Zap templates)'),
  check('D023', 'Dates in static samples are ISO 8601, with a time zone when they hold a time'),
  check('D024', 'A static sample respects the output fields (required fields present, values of their type)'),
  check('D025', 'No URL is a dangerous URI (javascript:, data:, vbscript:)'),
  check('D026', 'Domain-like authentication fields are validated by hand'),
  [
    'PR-4.3',
    {
      title: 'No hard-coded credentials (client id or secret, API key, token) in the definition',
      source: `${REQUIREMENTS}#4-data-security-and-user-privacy`,
    },
  ],
  [
    'PR-5.6',
    {
      title:
        'The connection label names the account, with no secret and no hard-coded words such as the app name',
      source: `${REQUIREMENTS}#5-quality-and-functionality`,
    },
  ],
  [
    'BG-key',
    {
      title: 'Keys are descriptive (new_lead, not trigger_1)',
      source: `${GUIDELINES}#trigger-design-and-copy`,
    },
  ],
  [
    'BG-noun',
    { title: 'Every operation has a noun, in the singular', source: `${GUIDELINES}#trigger-design-and-copy` },
  ],
  [
    'BG-search-label',
    {
      title: "A search's label starts with Find (not Get or Search)",
      source: `${GUIDELINES}#search-design-and-copy`,
    },
  ],
  [
    'BG-description',
    {
      title:
        'A description is one concise sentence (at most 140 characters) ending in a period, starting with the verb ' +
        'in its plural form (Creates, Finds), naming neither Zapier nor the app, with the noun in lower case',
      source: `${GUIDELINES}#action-design-and-copy`,
    },
  ],
  [
    'BG-field-order',
    { title: 'Required input fields come before optional ones', source: `${GUIDELINES}#action-input-fields` },
  ],
  [
    'BG-delete-copy',
    {
      title:
        'A destructive action (archive, delete, merge, remove) shows a Copy field saying what cannot be undone',
      source: `${GUIDELINES}#delete-actions`,
    },
  ],
  [
    'BG-update-trigger',
    {
      title: 'No generic "Updated" trigger: offer one that watches a chosen change',
      source: `${GUIDELINES}#update-triggers`,
    },
  ],
  [
    'BG-output-fields',
    {
      title: 'Every trigger, search and action declares labelled output fields, ID fields included',
      source: `${GUIDELINES}#output-fields`,
    },
  ],
  [
    'BG-dropdown-trigger',
    {
      title: 'A trigger that powers a dropdown is hidden from the trigger list',
      source: 'https://platform.zapier.com/build/dynamic-dropdowns',
    },
  ],
  ['SCHEMA-display', { title: 'A label has 2 to 64 characters', source: `${SCHEMA}#basicdisplayschema` }],
  [
    'SCHEMA-auth-test',
    {
      title: 'The authentication has a test, so Zapier can check a connection',
      source: `${SCHEMA}#authenticationschema`,
    },
  ],
  [
    'SCHEMA-polling-throttle',
    { title: 'A polling trigger throttle does not set retry', source: `${SCHEMA}#throttleobjectschema` },
  ],
  [
    'HB-help-text',
    {
      title: 'Every input field has help text (issue 9, item 6)',
      source: `${GUIDELINES}#action-input-fields`,
    },
  ],
  [
    'HB-plural',
    {
      title: 'No broken plural ("Propertys", "Companys", "Boxs") in any label, description or help text',
      source: `${GUIDELINES}#action-design-and-copy`,
    },
  ],
  [
    'HB-throttle',
    {
      title:
        'Every operation counts against the HubSpot portal budget: the app throttle counts per connection (scope ' +
        "'auth', one HubSpot portal), and " +
        'no operation replaces it with its own throttle',
      source: `${SCHEMA}#appschema`,
    },
  ],
]);

export interface Finding {
  rule: string;
  /** Where in the app definition: `creates.create_contact.display.label`, `authentication.connectionLabel`. */
  where: string;
  message: string;
}
