import { FieldValidationError } from '../../hubspot/coerce';
import { paths } from '../../hubspot/paths';
import type { RelayEvent, RelayEventKind } from '../../relay/contract';
import { recordType } from '../objects/common';
import { typeRefKey } from '../objectTypeRef';
import { propertiesToRetrieveField } from '../retrievedProperties';
import type { HubSpotRecord } from '../search';
import type { InputFieldDef, ObjectTypeRef, OperationDef, OperationResult, OutputFieldDef } from '../types';
import { EVENT_OUTPUT_FIELDS, GONE_RECORD_HELP, RECORD_TIME_FIELDS } from './fields';
import { deliveryItems } from './items';
import type { InstantTriggerDef } from './types';

export interface InstantConfig {
  key: string;
  /** The polling trigger of the same records: its fields are reused, and it gives the samples. */
  polling: OperationDef;
  event: RelayEventKind;
  objectType: ObjectTypeRef;
  label: string;
  description: string;
  /** Fields after the object type (the property, pipeline and stage...); "Properties to retrieve" comes last. */
  inputFields?: readonly InputFieldDef[];
  /** The property a `propertyChange` subscription watches: fixed, or the value of an input field. */
  property?: string | { fromInput: string; label: string };
  /** A `propertyChange` subscription's value filter (the relay delivers only changes to one of these values). */
  values?: (input: Record<string, unknown>) => string[] | undefined;
  /** Drops an event before the read (a filter the relay applies too, checked again here). */
  accept?: (input: Record<string, unknown>, event: RelayEvent) => boolean;
  /** Drops an item after the read (e.g. a deal in another pipeline); records are read whatever it says. */
  keep?: (input: Record<string, unknown>, event: RelayEvent, record: HubSpotRecord | undefined) => boolean;
  eventOutputFields?: readonly OutputFieldDef[];
  sampleEvent: OperationResult;
}

/** An instant trigger over the relay, named "… (Instant)" after the polling trigger it mirrors. */
export function instantTrigger(config: InstantConfig): InstantTriggerDef {
  const types = recordType({ key: config.key, objectType: config.objectType, sample: config.polling.sample });
  const typeFields = config.polling.inputFields.filter((f) => types.inputKeys.includes(f.key));
  const read = config.event !== 'deletion';
  const propertiesField = propertiesToRetrieveField(types.ref);
  return {
    key: config.key,
    noun: config.polling.noun,
    label: `${config.label} (Instant)`,
    description: config.description,
    inputFields: [
      ...typeFields,
      ...(config.inputFields ?? []),
      ...(read ? [{ ...propertiesField, helpText: `${propertiesField.helpText} ${GONE_RECORD_HELP}` }] : []),
    ],
    outputFields: [
      ...EVENT_OUTPUT_FIELDS,
      ...(config.eventOutputFields ?? []),
      ...(read ? RECORD_TIME_FIELDS : []),
      ...(read ? config.polling.outputFields.filter((f) => f.key.startsWith('properties__')) : []),
    ],
    outputProperties: types.ref,
    sample: {
      ...config.sampleEvent,
      ...(read
        ? {
            createdAt: config.polling.sample.createdAt,
            updatedAt: config.polling.sample.updatedAt,
            archived: false,
            properties: (config.polling.sample as { properties?: unknown }).properties,
          }
        : {}),
    },
    polling: config.polling,
    event: config.event,
    objectType: config.objectType,
    subscription(input) {
      const objectType = subscriptionType(config.objectType, input);
      const property = config.property === undefined ? undefined : propertyOf(config.property, input);
      const values = config.values?.(input)?.filter((v) => v !== '');
      return {
        objectType,
        event: config.event,
        ...(property ? { property } : {}),
        ...(values && values.length > 0 ? { values } : {}),
      };
    },
    async items(ctx, delivery) {
      const type = types.resolve(ctx);
      const { accept, keep } = config;
      const events = accept ? (delivery?.events ?? []).filter((e) => accept(ctx.input, e)) : delivery?.events;
      return deliveryItems(
        ctx,
        type,
        { ...delivery, events: events ?? [] },
        keep ? (e, r) => keep(ctx.input, e, r) : undefined,
      );
    },
    calls: {
      endpoints: read ? [`POST ${paths.objects.batch(types.display.name, 'read')}`] : [],
      perRun: read
        ? '1 batch read per delivery of up to 100 events; none on subscribe and unsubscribe (relay calls)'
        : 'none (a deleted record cannot be read)',
    },
  };
}

function subscriptionType(ref: ObjectTypeRef, input: Record<string, unknown>): string {
  if (typeof ref === 'string') return ref;
  const value = input[ref.fromInput];
  if (typeof value !== 'string' || value.trim() === '')
    throw new FieldValidationError(typeRefKey(ref), 'Object type', 'is required.');
  return value.trim();
}

function propertyOf(
  property: NonNullable<InstantConfig['property']>,
  input: Record<string, unknown>,
): string {
  if (typeof property === 'string') return property;
  const value = input[property.fromInput];
  if (typeof value !== 'string' || value.trim() === '')
    throw new FieldValidationError(property.fromInput, property.label, 'is required.');
  return value.trim();
}
