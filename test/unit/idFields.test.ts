import App from '../../index';
import { OPERATIONS } from '../../operations';
import {
  type PortalPropertyDefinition,
  propertyInputField,
  propertyInputFields,
} from '../../operations/propertyFields';
import type { DropdownSource, OperationDef } from '../../operations/types';
import { toZapierField } from '../../zapier/render';

/**
 * The built Zapier app as the editor sees it: every id input of an action offers a dropdown and a Find step
 * (Zapier's checks D004, D005, D013, D014:
 * https://github.com/zapier/visual-builder/blob/main/docs/_publish/validation/integration-checks-reference.md),
 * and every dropdown that reads another field declares it (`dependsOn`).
 */

type Field = Record<string, unknown> & { key: string };
type Op = {
  display: { hidden?: boolean };
  operation: { inputFields: unknown[]; outputFields?: Field[]; sample: Record<string, unknown> };
};
/** The check `zapier-platform push` runs on the app (functions cleaned the way Zapier serializes them). */
const { validateApp } = require('zapier-platform-core/src/tools/schema') as {
  validateApp(app: unknown): Array<{ stack: string }>;
};

const app = App as unknown as Record<'triggers' | 'creates' | 'searches', Record<string, Op>>;
const staticFields = (op: Op) => op.operation.inputFields.filter((f): f is Field => typeof f === 'object');

/** An input holding HubSpot ids, by its key: `record_id`, `deal_id`, `contact_ids`, `name_or_id`... */
const isIdKey = (key: string) => /(^|_)ids?$/.test(key);

/** Id inputs with no Find step to link, and why. They still need their dropdown. */
const NO_SEARCH: Record<string, string> = {
  'submit_form.form_id': 'the app has no Find Form step (forms are few: the dropdown lists them all)',
  'find_list.name_or_id': "the search's own subject",
  'find_owner.email_or_id': "the search's own subject",
  // Configuration of the account, few and listed whole by their dropdowns; HubSpot offers no search over them.
  'enroll_in_workflow.workflow_id': 'no Find Workflow step (the dropdown lists every contact workflow)',
  'enroll_in_sequence.user_id': 'users are found with Find Owner, whose id is an owner id, not a user id',
  'enroll_in_sequence.sequence_id': "no Find Sequence step (the dropdown lists the user's sequences)",
  'update_subscription.subscription_id': 'no Find step for subscription types (the dropdown lists them all)',
  'create_timeline_event.event_template_id': "no Find step for the app's own event templates",
  'send_transactional_email.email_id':
    'no Find Email step (the dropdown lists the published transactional e-mails)',
};

const actions = (['creates', 'searches'] as const).flatMap((kind) =>
  Object.entries(app[kind])
    .filter(([, op]) => !op.display.hidden)
    .map(([key, op]) => ({ key, op })),
);
const idInputs = actions.flatMap(({ key, op }) =>
  staticFields(op)
    .filter((f) => isIdKey(f.key))
    .map((field) => [`${key}.${field.key}`, field] as const),
);

describe('id inputs of actions', () => {
  it('finds the id inputs this test is about', () => {
    expect(idInputs.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'update_contact.record_id',
        'create_line_item.product_id',
        'create_line_item.deal_id',
        'create_association.from_id',
        'create_association.to_id',
        'create_note.contact_ids',
        'merge_records.primary_id',
        'merge_records.merged_id',
        'add_to_list.list_id',
        'add_to_list.record_ids',
      ]),
    );
  });

  it.each(idInputs)('%s links a Find step that outputs the id', (name, field) => {
    if (NO_SEARCH[name]) return expect(field.search).toBeUndefined();
    const [search, idKey, ...rest] = String(field.search).split('.');
    expect({ name, idKey, rest }).toEqual({ name, idKey: 'id', rest: [] });
    const target = app.searches[search!];
    expect(target).toBeDefined();
    expect(target!.operation.outputFields?.some((f) => f.key === 'id')).toBe(true);
  });

  it.each(idInputs)('%s offers a dynamic dropdown from a hidden trigger', (name, field) => {
    // D014: without `dynamic`, the editor shows no "add a search step" button.
    const [trigger, value] = String(field.dynamic).split('.');
    expect({ name, value }).toEqual({ name, value: 'id' });
    expect(app.triggers[trigger!]?.display.hidden).toBe(true);
  });

  it('links owner properties (loaded from the portal) to the owners dropdown and Find Owner', () => {
    const owner = toZapierField(
      propertyInputField({
        name: 'hubspot_owner_id',
        label: 'Contact owner',
        type: 'enumeration',
        fieldType: 'select',
        referencedObjectType: 'OWNER',
      } as PortalPropertyDefinition),
    );
    expect(owner).toMatchObject({ dynamic: 'owner_list.id.label', search: 'find_owner.id' });
  });
});

/** The fields a dropdown reads from the step, as each source kind is documented in `operations/types.ts`. */
function readsFrom(source: DropdownSource): string[] {
  const fromInput = (ref: unknown) =>
    typeof ref === 'object' && ref !== null ? [(ref as { fromInput: string }).fromInput] : [];
  switch (source.kind) {
    case 'stages':
      return [source.pipelineField];
    case 'associationLabels':
      return [source.fromField, source.toField];
    default:
      return [
        ...('objectType' in source ? fromInput(source.objectType) : []),
        ...('listField' in source ? [String(source.listField)] : []),
      ];
  }
}

const rendered = (def: OperationDef) =>
  (app.triggers[def.key] ?? app.creates[def.key] ?? app.searches[def.key]) as Op;

const dependentDropdowns = OPERATIONS.flatMap((def) =>
  def.inputFields
    .filter((f) => f.dropdown && readsFrom(f.dropdown).length > 0)
    .map((f) => [`${def.key}.${f.key}`, def, f.key, readsFrom(f.dropdown!)] as const),
);

describe('dependent dropdowns', () => {
  it('covers stages, association labels and properties of a chosen type', () => {
    expect(dependentDropdowns.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'deal_stage_changed.dealstage',
        'create_association.label',
        'find_object.search_property',
        'update_object.id_property',
        'find_associations.associated_properties',
      ]),
    );
  });

  it.each(dependentDropdowns)('%s depends on the fields it reads', (_name, def, key, wanted) => {
    const fields = staticFields(rendered(def));
    const field = fields.find((f) => f.key === key)!;
    expect(field.dependsOn).toEqual(wanted);
    for (const other of wanted) expect(fields.map((f) => f.key)).toContain(other);
  });

  it('makes the stage property field depend on the pipeline property field', () => {
    const defs = [
      { name: 'pipeline', label: 'Pipeline', type: 'enumeration', fieldType: 'select' },
      { name: 'dealstage', label: 'Deal stage', type: 'enumeration', fieldType: 'select' },
    ] as PortalPropertyDefinition[];
    const fields = propertyInputFields(defs, { objectType: 'deals', purpose: 'create' }).map(toZapierField);
    expect(fields.find((f) => f.key === 'dealstage')).toMatchObject({
      dynamic: 'deals_stage_list.id.label',
      dependsOn: ['pipeline'],
    });
    expect(fields.find((f) => f.key === 'pipeline')?.dependsOn).toBeUndefined();
  });
});

describe('the built app', () => {
  it("validates against Zapier's app schema (search, dependsOn and primary included)", () => {
    expect(validateApp(App).map((e) => e.stack)).toEqual([]);
  });
});
