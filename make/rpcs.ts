import { MAX_PROPERTY_VALUE_LENGTH } from '../hubspot/limits';
import { STANDARD_OBJECT_TYPES } from '../hubspot/objectTypes';
import { paths } from '../hubspot/paths';
import { objectTypeLabel } from '../operations/typeDropdowns';
import type { DropdownSource, PropertyFieldsSpec } from '../operations/types';
import type { Json, MakeRpc } from './model';
import { camelCase, pascalCase } from './naming';
import { imlPath, isFromInput, type TypeRef, typeIml, typeWord } from './objectRef';

/**
 * RPCs: one per dropdown source (owners, object types, pipelines, stages, properties, unique properties, association
 * labels, lists) and one per property-fields spec (the portal's writable properties as Make fields, typed as the
 * Zapier app types them in `operations/propertyFields.ts`). Builders are keyed by the source's `kind`, so a new kind
 * needs one builder here and nothing per operation. Options RPC output: `{label, value}`
 * (https://developers.make.com/custom-apps-documentation/app-components/rpcs).
 */

type AnySource = { kind: string; [key: string]: unknown };

interface RpcBuilder {
  name(source: AnySource): string;
  build(source: AnySource): Omit<MakeRpc, 'name'>;
}

const cursorPaging = {
  qs: { after: '{{body.paging.next.after}}' },
  condition: '{{body.paging.next.after}}',
};

const options = (label: string, value: string, condition?: string): Json => ({
  iterate: condition ? { container: '{{body.results}}', condition } : '{{body.results}}',
  output: { label, value },
});

/** A dropdown over one cursor-paged list: pages of 100 (with `qs` beside), up to 1,000 choices. */
const pagedList = (label: string, url: string, choices: Json, qs: Json = {}): Omit<MakeRpc, 'name'> => ({
  label,
  params: [],
  communication: {
    url,
    qs: { ...(qs as object), limit: 100 },
    pagination: cursorPaging,
    response: { ...(choices as object), limit: 1000 },
  },
});

const ref = (source: AnySource) => source.objectType as TypeRef;
const isContacts = (type: TypeRef) =>
  isFromInput(type) ? `parameters.${type.fromInput} == 'contacts'` : String(type === 'contacts');

const BUILDERS: Record<string, RpcBuilder> = {
  owners: {
    name: () => 'listOwners',
    build: () =>
      pagedList(
        'List owners',
        paths.owners.list(),
        options('{{item.firstName}} {{item.lastName}} ({{item.email}})', '{{item.id}}'),
      ),
  },
  objectTypes: {
    name: () => 'listObjectTypes',
    // The standard types from `hubspot/objectTypes.ts`, then the portal's custom objects from the schemas API.
    build: () => ({
      label: 'List object types',
      params: [],
      communication: {
        url: paths.schemas.list(),
        temp: {
          standard: STANDARD_OBJECT_TYPES.filter((t) => !t.engagement).map((t) => ({
            label: objectTypeLabel(t),
            value: t.name,
          })),
        },
        response: {
          ...options('{{item.labels.plural}} (custom)', '{{item.objectTypeId}}'),
          wrapper: '{{merge(temp.standard, output)}}',
        },
      },
    }),
  },
  pipelines: {
    name: (s) => `list${typeWord(ref(s))}Pipelines`,
    build: (s) => ({
      label: `List ${ref(s)} pipelines`,
      params: [],
      communication: {
        url: imlPath(paths.pipelines.list, typeIml(ref(s))),
        response: options('{{item.label}}', '{{item.id}}'),
      },
    }),
  },
  // The chosen pipeline's stages, or the first pipeline's (where HubSpot files a record without one), as Zapier does.
  stages: {
    name: (s) => `list${typeWord(ref(s))}Stages`,
    build: (s) => ({
      label: `List ${ref(s)} pipeline stages`,
      params: [],
      communication: {
        url: imlPath(paths.pipelines.list, typeIml(ref(s))),
        response: {
          iterate: `{{ifempty(first(map(body.results, 'stages', 'id', ifempty(parameters.${String(s.pipelineField)}, ''))), body.results[1].stages)}}`,
          output: { label: '{{item.label}}', value: '{{item.id}}' },
        },
      },
    }),
  },
  properties: {
    name: (s) => `list${typeWord(ref(s))}Properties`,
    build: (s) => ({
      label: `List ${typeWord(ref(s))} properties`,
      params: [],
      communication: {
        url: imlPath(paths.properties.list, typeIml(ref(s))),
        response: options('{{item.label}} ({{item.name}})', '{{item.name}}', '{{!item.hidden}}'),
      },
    }),
  },
  // Unique properties identify one record: a contact's e-mail and every `hasUniqueValue` property.
  uniqueProperties: {
    name: (s) => `list${typeWord(ref(s))}UniqueProperties`,
    build: (s) => ({
      label: `List ${typeWord(ref(s))} unique properties`,
      params: [],
      communication: {
        url: imlPath(paths.properties.list, typeIml(ref(s))),
        response: options(
          '{{item.label}} ({{item.name}})',
          '{{item.name}}',
          `{{!item.hidden && (item.hasUniqueValue || (${isContacts(ref(s))} && item.name == 'email'))}}`,
        ),
      },
    }),
  },
  associationLabels: {
    name: (s) => `listAssociationLabels${pascalCase(String(s.fromField))}${pascalCase(String(s.toField))}`,
    build: (s) => ({
      label: 'List association labels',
      params: [],
      communication: {
        url: imlPath(
          paths.associations.labels,
          `{{parameters.${String(s.fromField)}}}`,
          `{{parameters.${String(s.toField)}}}`,
        ),
        // The value is `CATEGORY:typeId`, as in the Zapier app (`labelValue`), so a label is written without guessing.
        response: options("{{ifempty(item.label, 'Unlabeled')}}", '{{item.category}}:{{item.typeId}}'),
      },
    }),
  },
  typeAssociationLabels: {
    name: (s) => `listAssociationLabels${pascalCase(String(s.from))}${pascalCase(String(s.to))}`,
    build: (s) => ({
      label: 'List association labels',
      params: [],
      communication: {
        url: paths.associations.labels(String(s.from), String(s.to)),
        response: options("{{ifempty(item.label, 'Unlabeled')}}", '{{item.category}}:{{item.typeId}}'),
      },
    }),
  },
  forms: {
    name: () => 'listForms',
    build: () => pagedList('List forms', paths.forms.list(), options('{{item.name}}', '{{item.id}}')),
  },
  // Users by user id (owners carry it): who a sequence is sent as.
  users: {
    name: () => 'listUsers',
    build: () =>
      pagedList(
        'List users',
        paths.owners.list(),
        options(
          '{{item.firstName}} {{item.lastName}} ({{item.email}})',
          '{{item.userId}}',
          '{{item.userId}}',
        ),
      ),
  },
  // Contact-based workflows only: the enrollment endpoint takes contacts.
  workflows: {
    name: () => 'listWorkflows',
    build: () =>
      pagedList(
        'List workflows',
        paths.automation.flows(),
        options(
          "{{item.name}}{{if(item.isEnabled, '', ' (off)')}}",
          '{{item.id}}',
          "{{item.objectTypeId == '0-1'}}",
        ),
      ),
  },
  sequences: {
    name: () => 'listSequences',
    build: (s) =>
      pagedList('List sequences', paths.automation.sequences(), options('{{item.name}}', '{{item.id}}'), {
        userId: `{{parameters.${String(s.userField)}}}`,
      }),
  },
  subscriptionTypes: {
    name: () => 'listSubscriptionTypes',
    build: () => ({
      label: 'List subscription types',
      params: [],
      communication: {
        url: paths.communicationPreferences.definitions(),
        response: options('{{item.name}}', '{{item.id}}', '{{item.isActive}}'),
      },
    }),
  },
  eventDefinitions: {
    name: () => 'listEventDefinitions',
    build: () =>
      pagedList(
        'List custom events',
        paths.events.definitions(),
        options('{{ifempty(item.labels.singular, item.name)}}', '{{item.fullyQualifiedName}}'),
      ),
  },
  transactionalEmails: {
    name: () => 'listTransactionalEmails',
    build: () =>
      pagedList(
        'List transactional emails',
        paths.transactionalEmail.emails(),
        options('{{item.name}}', '{{item.id}}', '{{item.isTransactional && item.isPublished}}'),
      ),
  },
  lists: {
    name: () => 'listLists',
    build: () => ({
      label: 'List lists',
      params: [],
      communication: {
        url: paths.lists.search(),
        method: 'POST',
        body: { count: 100, offset: 0 },
        pagination: { body: { count: 100, offset: '{{body.offset}}' }, condition: '{{body.hasMore}}' },
        response: {
          iterate: '{{body.lists}}',
          output: { label: '{{item.name}}', value: '{{item.listId}}' },
          limit: 1000,
        },
      },
    }),
  },
};

function builderFor(source: AnySource): RpcBuilder {
  const builder = BUILDERS[source.kind];
  if (!builder) throw new Error(`make/rpcs.ts: no RPC builder for dropdown kind "${source.kind}"`);
  return builder;
}

export function rpcName(dropdown: DropdownSource | AnySource): string {
  const source = dropdown as AnySource;
  return builderFor(source).name(source);
}

export function rpcFor(dropdown: DropdownSource | AnySource): MakeRpc {
  const source = dropdown as AnySource;
  const builder = builderFor(source);
  return { name: builder.name(source), ...builder.build(source) };
}

/** HubSpot property → Make field type, as `propertyInputField` maps it for Zapier. */
const OWNER = "(item.referencedObjectType == 'OWNER' || item.name == 'hubspot_owner_id')";
const ENUM_WITH_OPTIONS = "item.type == 'enumeration' && length(item.options) > 0";
// Multiple checkboxes are text: HubSpot wants `a;b`, and Make would send an array.
const SINGLE_CHOICE = `${ENUM_WITH_OPTIONS} && item.fieldType != 'checkbox'`;
const FIELD_TYPE = `{{if(${OWNER}, 'select', if(item.type == 'bool', 'boolean', if(item.type == 'number', 'number', if(item.type == 'date' || item.type == 'datetime', 'date', if(${SINGLE_CHOICE}, 'select', 'text')))))}}`;
/** What `isWritable` in `operations/propertyFields.ts` keeps. */
const WRITABLE =
  "{{!item.hidden && !item.calculated && !item.modificationMetadata.readOnlyValue && item.fieldType != 'calculation_equation'}}";

export function propertyFieldsRpcName(spec: PropertyFieldsSpec): string {
  const exclude = spec.exclude?.length ? `Except${spec.exclude.map(pascalCase).join('')}` : '';
  return camelCase(`list_${typeWord(spec.objectType as TypeRef)}_property_fields${exclude}`);
}

export function propertyFieldsRpc(spec: PropertyFieldsSpec): MakeRpc {
  const type = spec.objectType as TypeRef;
  const excluded = (spec.exclude ?? []).map((name) => ` && item.name != '${name}'`).join('');
  return {
    name: propertyFieldsRpcName(spec),
    label: `${typeWord(type)} property fields`,
    params: [],
    communication: {
      url: imlPath(paths.properties.list, typeIml(type)),
      response: {
        iterate: { container: '{{body.results}}', condition: WRITABLE.replace(/\}\}$/, `${excluded}}}`) },
        output: {
          name: '{{item.name}}',
          label: '{{ifempty(item.label, item.name)}}',
          type: FIELD_TYPE,
          required: false,
          help: '{{item.description}} HubSpot property `{{item.name}}` ({{item.type}}).',
          options: `{{if(${OWNER}, 'rpc://listOwners', if(${SINGLE_CHOICE}, item.options, undefined))}}`,
          mode: `{{if(${OWNER}, 'edit', undefined)}}`,
          time: "{{if(item.type == 'date', false, undefined)}}",
          multiline: "{{if(item.fieldType == 'textarea' || item.fieldType == 'html', true, undefined)}}",
          // HubSpot refuses a text value past this length; Make refuses it before the module runs (`validate.max`
          // is a text parameter's maximum length in Make's parameter schema, vendored in make/schemas/imljson/parameters.json).
          validate: {
            max: `{{if(item.type == 'string' || item.type == 'phone_number', ${MAX_PROPERTY_VALUE_LENGTH}, undefined)}}`,
          },
        },
      },
    },
  };
}

/** The RPCs every app has, whether or not an operation's field refers to them (owners fill owner properties). */
export const ALWAYS_RENDERED: AnySource[] = [
  { kind: 'owners' },
  { kind: 'objectTypes' },
  { kind: 'pipelines', objectType: 'deals' },
  { kind: 'stages', objectType: 'deals', pipelineField: 'pipeline' },
  { kind: 'pipelines', objectType: 'tickets' },
  { kind: 'stages', objectType: 'tickets', pipelineField: 'hs_pipeline' },
];
