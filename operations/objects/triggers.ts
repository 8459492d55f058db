import { paths } from '../../hubspot/paths';
import { pollRecords } from '../polling';
import { recordOutput } from '../records';
import type { HubSpotRecord } from '../search';
import { parseHubSpotTime } from '../time';
import type { OperationDef, OperationResult } from '../types';
import { objectType, outputFieldsFor, type RecordOperationConfig } from './common';

/** Fires once per new record, in creation order, losing none (see `polling.ts`). */
export function newRecordTrigger(config: RecordOperationConfig): OperationDef {
  const type = objectType(config.objectType);
  return {
    key: config.key,
    kind: 'trigger',
    noun: type.singular,
    label: `New ${type.singular}`,
    description: `Triggers when a ${type.singular.toLowerCase()} is created in HubSpot.`,
    inputFields: [],
    outputFields: outputFieldsFor(type),
    sample: config.sample,
    calls: {
      endpoints: [`POST ${paths.objects.search(type.name)}`],
      perRun: '1 when idle; ceil(N/200) for N new records',
    },
    async perform(ctx) {
      const { records } = await pollRecords(ctx, {
        objectType: type.name,
        timeProperty: type.createdProperty,
        properties: type.defaultProperties,
        stateKey: 'created',
      });
      return records.map((r) => recordOutput(r));
    },
  };
}

/**
 * Fires once per change of a record (new or updated). Zapier dedupes on `id`, so the id joins the record id and its
 * modification time: a second update of the same record fires again.
 */
export function newOrUpdatedRecordTrigger(config: RecordOperationConfig): OperationDef {
  const type = objectType(config.objectType);
  const noun = type.singular.toLowerCase();
  return {
    key: config.key,
    kind: 'trigger',
    noun: type.singular,
    label: `New or Updated ${type.singular}`,
    description: `Triggers when a ${noun} is created or any of its properties changes.`,
    inputFields: [],
    outputFields: [
      { key: 'record_id', label: `${type.singular} ID`, type: 'string' },
      ...outputFieldsFor(type),
    ],
    sample: { ...config.sample, id: `${config.sample.id}-1767603600000`, record_id: config.sample.id },
    calls: {
      endpoints: [`POST ${paths.objects.search(type.name)}`],
      perRun: '1 when idle; ceil(N/200) for N changes',
    },
    async perform(ctx) {
      const { records } = await pollRecords(ctx, {
        objectType: type.name,
        timeProperty: type.lastModifiedProperty,
        properties: type.defaultProperties,
        stateKey: 'modified',
      });
      return records.map((r) => changeOutput(r, type.lastModifiedProperty));
    },
  };
}

function changeOutput(record: HubSpotRecord, timeProperty: string): OperationResult {
  const modified = parseHubSpotTime(record.properties[timeProperty] ?? record.updatedAt);
  return recordOutput(record, { id: `${record.id}-${modified}`, record_id: record.id });
}
