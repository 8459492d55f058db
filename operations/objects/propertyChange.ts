import { paths } from '../../hubspot/paths';
import { DEDUPE_KEY, dedupeKeyField } from '../dedupe';
import { MAX_ITEMS_PER_POLL, pollRecords } from '../polling';
import { requiredText } from '../records';
import type { CodeNote } from '../request';
import { propertiesToRetrieveField, retrievedProperties } from '../retrievedProperties';
import type { HistoryValue, HubSpotRecord, SearchFilter } from '../search';
import { parseHubSpotTime } from '../time';
import type { OperationContext, OperationDef, OperationResult } from '../types';
import { titleCase, withArticle } from '../wording';
import { type RecordOperationConfig, recordType } from './common';

/** `propertiesWithHistory` reads are limited to 50 records a call. */
export const HISTORY_BATCH_SIZE = 50;

/** Change sources that are other software writing through the API; ignoring them stops two-way sync loops. */
export const INTEGRATION_SOURCES = new Set(['INTEGRATION', 'API']);

/**
 * Fires once per change of one property, with the previous value, the new value, when, and the change's source.
 * Finds the records modified in the poll's window with search, then reads their property history in batches of 50
 * (`batch/read` with `propertiesWithHistory`) and emits each history entry inside the window.
 * https://developers.hubspot.com/docs/api/crm/understanding-the-crm#property-history
 */
export interface PropertyChangeConfig extends RecordOperationConfig {
  /** Narrows the search for modified records (e.g. one pipeline), so history is read only for records that matter. */
  searchFilters?: (ctx: OperationContext) => SearchFilter[];
}

/**
 * Why a property-change trigger is code, not declared requests: it emits one output per property-history entry, and
 * a record's entries are nested in the record (a second request, a batch read with `propertiesWithHistory` for the
 * ids the search found) without their record's id. A declared output maps a list of records, not entries nested in
 * them. Platforms that render only declared requests leave it out (their reason beside this one).
 */
export const PROPERTY_HISTORY_CODE: CodeNote = {
  reason:
    'Emits one output per property-history entry of each changed record, read in a second request and nested in ' +
    'the records without their id; the window and last id are kept in staged per-Zap state. Declared outputs map ' +
    'a list of records, not entries nested in them.',
};

export function propertyChangeTrigger(config: PropertyChangeConfig): OperationDef {
  const types = recordType(config);
  const type = types.display;
  const noun = type.singular.toLowerCase();
  return {
    key: config.key,
    kind: 'trigger',
    noun: type.singular,
    objectType: types.ref,
    code: PROPERTY_HISTORY_CODE,
    label: titleCase(`${type.singular} Property Changed`),
    description: `Triggers when a chosen property of ${withArticle(noun)} changes, with its previous and new value.`,
    inputFields: [
      ...types.inputFields,
      {
        key: 'property',
        label: 'Property',
        required: true,
        dropdown: { kind: 'properties', objectType: types.ref },
        helpText: 'The property to watch.',
      },
      {
        key: 'ignore_integration_changes',
        label: 'Ignore changes made by integrations',
        type: 'boolean',
        default: 'false',
        helpText: 'Skip changes written by other apps through the API (stops two-way sync loops).',
      },
      propertiesToRetrieveField(types.ref),
    ],
    outputFields: [
      { key: 'id', label: 'Record ID', type: 'string' },
      { key: 'record_id', label: `${type.singular} ID`, type: 'string' },
      { key: 'property', label: 'Property' },
      { key: 'previous_value', label: 'Previous value' },
      { key: 'value', label: 'New value' },
      { key: 'changed_at', label: 'Changed at', type: 'datetime' },
      { key: 'source_type', label: 'Change source' },
      { key: 'source_id', label: 'Change source ID' },
      dedupeKeyField('Record ID, Property and Change Time'),
    ],
    outputProperties: types.ref,
    sample: {
      id: config.sample.id,
      record_id: config.sample.id,
      [DEDUPE_KEY]: `${config.sample.id}-lifecyclestage-1767603600000`,
      property: 'lifecyclestage',
      previous_value: 'lead',
      value: 'customer',
      changed_at: '2026-01-05T09:00:00.000Z',
      source_type: 'CRM_UI',
      source_id: 'userId:2001',
      properties: config.sample.properties,
    },
    calls: {
      endpoints: [
        `POST ${paths.objects.search(type.name)}`,
        `POST ${paths.objects.batch(type.name, 'read')}`,
      ],
      perRun:
        '1 when idle; 1 search + ceil(N/50) history reads a poll of N ≤ 100 changed records; a larger backlog over the next polls',
    },
    async perform(ctx) {
      const type = types.resolve(ctx);
      const property = requiredText(ctx, 'property', 'Property');
      const ignoreIntegrations = [true, 'true', 'yes'].includes(
        ctx.input.ignore_integration_changes as string,
      );
      // The record's properties come in the history read the trigger makes anyway: no call of their own.
      const retrieved = [...new Set([property, ...retrievedProperties(ctx, type)])];
      const { records, window, resumeAfter } = await pollRecords(ctx, {
        objectType: type.name,
        timeProperty: type.lastModifiedProperty,
        properties: [property],
        filters: config.searchFilters?.(ctx),
        stateKey: `property${types.stateSuffix(ctx)}:${property}`,
      });
      const withHistory = await readHistory(ctx, type.name, records, property, retrieved);
      const initial = window.from === window.to;
      const perRecord = withHistory.map((record) => {
        const history = record.propertiesWithHistory?.[property] ?? [];
        const entries = history
          .map((entry, i) => ({ entry, previous: history[i + 1] }))
          .filter(({ entry }) =>
            initial
              ? entry === history[0]
              : parseHubSpotTime(entry.timestamp) > window.from &&
                parseHubSpotTime(entry.timestamp) <= window.to,
          )
          .filter(({ entry }) => !(ignoreIntegrations && INTEGRATION_SOURCES.has(entry.sourceType)));
        return {
          id: record.id,
          changes: entries.map(({ entry, previous }) => ({
            ...changeOutput(record.id, property, entry, previous),
            properties: record.properties,
          })),
        };
      });
      const changes = initial
        ? perRecord.flatMap((r) => r.changes)
        : await withinItemCap(perRecord, resumeAfter);
      return changes.sort((a, b) => Date.parse(String(b.changed_at)) - Date.parse(String(a.changed_at)));
    },
  };
}

/**
 * A record can bring several changes, so a poll of 100 records can hold more than 100 items. Records are kept in id
 * order (the order the poll's window is read in) while their changes fit in the cap; the next poll resumes after
 * the last record kept. A single record with more changes than the cap still goes out whole: it cannot be split.
 */
async function withinItemCap(
  perRecord: Array<{ id: string; changes: OperationResult[] }>,
  resumeAfter: (recordId: string) => Promise<void>,
): Promise<OperationResult[]> {
  const inIdOrder = [...perRecord].sort((a, b) => Number(a.id) - Number(b.id));
  const kept: OperationResult[] = [];
  for (const [i, record] of inIdOrder.entries()) {
    if (i > 0 && kept.length + record.changes.length > MAX_ITEMS_PER_POLL) {
      await resumeAfter(inIdOrder[i - 1]!.id);
      break;
    }
    kept.push(...record.changes);
  }
  return kept;
}

async function readHistory(
  ctx: OperationContext,
  objectType: string,
  records: HubSpotRecord[],
  property: string,
  properties: readonly string[],
): Promise<HubSpotRecord[]> {
  const out: HubSpotRecord[] = [];
  for (let i = 0; i < records.length; i += HISTORY_BATCH_SIZE) {
    const chunk = records.slice(i, i + HISTORY_BATCH_SIZE);
    const { data } = await ctx.api.request<{ results: HubSpotRecord[] }>({
      method: 'POST',
      path: paths.objects.batch(objectType, 'read'),
      json: {
        inputs: chunk.map((r) => ({ id: r.id })),
        properties,
        propertiesWithHistory: [property],
      },
      idempotent: true,
    });
    out.push(...data.results);
  }
  return out;
}

function changeOutput(
  recordId: string,
  property: string,
  entry: HistoryValue,
  previous?: HistoryValue,
): OperationResult {
  const changedAt = new Date(parseHubSpotTime(entry.timestamp)).toISOString();
  return {
    id: recordId,
    record_id: recordId,
    [DEDUPE_KEY]: `${recordId}-${property}-${parseHubSpotTime(entry.timestamp)}`,
    property,
    previous_value: previous?.value ?? null,
    value: entry.value,
    changed_at: changedAt,
    source_type: entry.sourceType,
    source_id: entry.sourceId ?? null,
  };
}
