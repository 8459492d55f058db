import { paths } from '../hubspot/paths';
import {
  eventDefinitionDropdown,
  sequenceDropdown,
  subscriptionTypeDropdown,
  timelineTemplateDropdown,
  transactionalEmailDropdown,
  userDropdown,
  workflowDropdown,
} from './automationDropdowns';
import { dropdown } from './hiddenDropdown';
import { formDropdown, listDropdown } from './listFormDropdowns';
import { typeNameFromInput, typeRefKey } from './objectTypeRef';
import { choosePipeline, listPipelines } from './pipelines';
import type { PortalPropertyDefinition } from './propertyFields';
import { listRecordDropdown, recordDropdown } from './recordDropdown';
import { associationLabelItems, objectTypeItems, typeAssociationLabelItems } from './typeDropdowns';
import type { DropdownSource, InputFieldDef, ObjectTypeRef, OperationDef, OperationResult } from './types';

/**
 * Hidden operations that fill dropdowns from the portal: owners, a type's properties, its unique properties. Each
 * returns `{id, label}` items. Owners page through HubSpot's cursor so every owner is reachable.
 */

export function ownerDropdown(key: string): OperationDef {
  return dropdown(
    key,
    'Owner',
    async (ctx) => {
      const owners = await ctx.schema.owners();
      return owners.map((o) => ({
        id: o.id,
        label:
          [[o.firstName, o.lastName].filter(Boolean).join(' '), o.email].filter(Boolean).join(' — ') || o.id,
      }));
    },
    `GET ${paths.owners.list()}`,
  );
}

/** Every property of a type (for "search by" and "watch property" dropdowns), record id first. */
export function propertyDropdown(
  key: string,
  typeRef: ObjectTypeRef,
  only?: (d: PortalPropertyDefinition, objectType: string) => boolean,
): OperationDef {
  return dropdown(
    key,
    'Property',
    async (ctx) => {
      // A type chosen in another field of the step: nothing to list until it is chosen.
      const objectType = typeNameFromInput(typeRef, ctx.input);
      if (!objectType) return [];
      const defs = (await ctx.schema.properties(objectType)) as PortalPropertyDefinition[];
      const items: OperationResult[] = defs
        .filter((d) => !d.hidden && (only ? only(d, objectType) : true))
        .sort((a, b) => a.label.localeCompare(b.label))
        .map((d) => ({ id: d.name, label: `${d.label} (${d.name})` }));
      const idItem = items.find((i) => i.id === 'hs_object_id');
      return idItem ? [idItem, ...items.filter((i) => i !== idItem)] : items;
    },
    `GET ${paths.properties.list(typeRefKey(typeRef))}`,
  );
}

/** Properties that identify one record: a contact's e-mail and every `hasUniqueValue` property. */
export function uniquePropertyDropdown(key: string, typeRef: ObjectTypeRef): OperationDef {
  return propertyDropdown(
    key,
    typeRef,
    (d, objectType) => Boolean(d.hasUniqueValue) || (objectType === 'contacts' && d.name === 'email'),
  );
}

/** A type's pipelines (deals, tickets), every page of them. */
export function pipelineDropdown(key: string, objectType: string): OperationDef {
  return dropdown(
    key,
    'Pipeline',
    async (ctx) => (await listPipelines(ctx, objectType)).map((p) => ({ id: p.id, label: p.label })),
    `GET ${paths.pipelines.list(objectType)}`,
  );
}

/**
 * The stages of the pipeline chosen in `pipelineField` (the platform passes the step's other inputs); the first
 * pipeline's stages when none is chosen, as HubSpot then files the record in that pipeline.
 */
export function stageDropdown(key: string, objectType: string, pipelineField: string): OperationDef {
  return dropdown(
    key,
    'Stage',
    async (ctx) => {
      const pipeline = choosePipeline(await listPipelines(ctx, objectType), ctx.input[pipelineField]);
      return (pipeline?.stages ?? []).map((s) => ({ id: s.id, label: s.label }));
    },
    `GET ${paths.pipelines.list(objectType)}`,
  );
}

/** The key of the hidden operation that fills a dropdown, one per source. */
export function dropdownKey(source: DropdownSource): string {
  switch (source.kind) {
    case 'owners':
      return 'owner_list';
    case 'objectTypes':
      return 'object_type_list';
    case 'lists':
      return 'list_list';
    case 'forms':
      return 'form_list';
    case 'pipelines':
      return `${source.objectType}_pipeline_list`;
    case 'stages':
      return `${source.objectType}_stage_list`;
    case 'uniqueProperties':
      return `${typeRefKey(source.objectType)}_unique_property_list`;
    case 'properties':
      return `${typeRefKey(source.objectType)}_property_list`;
    case 'associationLabels':
      return source.fromField === 'from_object_type' && source.toField === 'to_object_type'
        ? 'association_label_list'
        : `${source.fromField}_${source.toField}_label_list`;
    case 'typeAssociationLabels':
      return `${source.from}_${source.to}_association_label_list`;
    case 'records':
      return `${typeRefKey(source.objectType)}_record_list`;
    case 'listRecords':
      return `records_of_${source.listField}_list`;
    case 'users':
      return 'user_list';
    case 'workflows':
      return 'workflow_list';
    case 'sequences':
      return `sequences_of_${source.userField}_list`;
    case 'subscriptionTypes':
      return 'subscription_type_list';
    case 'eventDefinitions':
      return 'event_definition_list';
    case 'timelineTemplates':
      return 'timeline_template_list';
    case 'transactionalEmails':
      return 'transactional_email_list';
  }
}

/**
 * The other fields of the step a dropdown reads (the pipeline of a stage, the type of a property...): the editor
 * enables the dropdown once they are filled and clears its value when they change (Zapier's `dependsOn`).
 */
export function dropdownDependsOn(source: DropdownSource): string[] {
  const fromInput = (ref: ObjectTypeRef) => (typeof ref === 'string' ? [] : [ref.fromInput]);
  switch (source.kind) {
    case 'stages':
      return [source.pipelineField];
    case 'associationLabels':
      return [source.fromField, source.toField];
    case 'properties':
    case 'uniqueProperties':
    case 'records':
      return fromInput(source.objectType);
    case 'listRecords':
      return [source.listField];
    case 'sequences':
      return [source.userField];
    default:
      return [];
  }
}

/** What a field depends on: its own `dependsOn`, then what its dropdown reads. */
export function fieldDependsOn(field: InputFieldDef): string[] {
  return [
    ...new Set([...(field.dependsOn ?? []), ...(field.dropdown ? dropdownDependsOn(field.dropdown) : [])]),
  ];
}

/** The hidden operation behind a dropdown source, when this catalog provides one. */
export function dropdownOperation(source: DropdownSource): OperationDef | undefined {
  const key = dropdownKey(source);
  switch (source.kind) {
    case 'owners':
      return ownerDropdown(key);
    case 'properties':
      return propertyDropdown(key, source.objectType);
    case 'uniqueProperties':
      return uniquePropertyDropdown(key, source.objectType);
    case 'pipelines':
      return pipelineDropdown(key, source.objectType);
    case 'stages':
      return stageDropdown(key, source.objectType, source.pipelineField);
    case 'lists':
      return listDropdown(key);
    case 'forms':
      return formDropdown(key);
    case 'objectTypes':
      return dropdown(key, 'Object type', objectTypeItems, `GET ${paths.schemas.list()}`);
    case 'associationLabels':
      return dropdown(
        key,
        'Association label',
        (ctx) => associationLabelItems(ctx, source.fromField, source.toField),
        `GET ${paths.associations.labels('{fromType}', '{toType}')}`,
      );
    case 'typeAssociationLabels':
      return dropdown(
        key,
        'Association label',
        (ctx) => typeAssociationLabelItems(ctx, source.from, source.to),
        `GET ${paths.associations.labels(source.from, source.to)}`,
      );
    case 'records':
      return recordDropdown(key, source.objectType);
    case 'listRecords':
      return listRecordDropdown(key, source.listField);
    case 'users':
      return userDropdown(key);
    case 'workflows':
      return workflowDropdown(key);
    case 'sequences':
      return sequenceDropdown(key, source.userField);
    case 'subscriptionTypes':
      return subscriptionTypeDropdown(key);
    case 'eventDefinitions':
      return eventDefinitionDropdown(key);
    case 'timelineTemplates':
      return timelineTemplateDropdown(key);
    case 'transactionalEmails':
      return transactionalEmailDropdown(key);
    default:
      return undefined;
  }
}
