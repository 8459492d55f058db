import type { ObjectTypeDef } from '../../hubspot/objectTypes';
import { paths } from '../../hubspot/paths';
import type { Delivery, RelayEvent } from '../../relay/contract';
import { retrievedProperties } from '../retrievedProperties';
import type { HubSpotRecord } from '../search';
import type { OperationContext, OperationResult } from '../types';

/**
 * A delivery → one item per event, with one HubSpot call at most: a batch read of every record the delivery names
 * (`POST /crm/v3/objects/{type}/batch/read`, up to 100 inputs, as many as a delivery holds events), asking for the
 * common properties and those chosen in "Properties to retrieve"
 * (https://developers.hubspot.com/docs/api/crm/understanding-the-crm). Deletions are not read: the record is gone.
 * A record missing from the answer (deleted since; HubSpot answers 207 with an error for it) gives an item with the
 * event only.
 */
export async function deliveryItems(
  ctx: OperationContext,
  type: ObjectTypeDef,
  delivery: Delivery,
  keep: (event: RelayEvent, record: HubSpotRecord | undefined) => boolean = () => true,
): Promise<OperationResult[]> {
  const events = Array.isArray(delivery?.events) ? delivery.events : [];
  const ids = [...new Set(events.filter((e) => e.event !== 'deletion').map(readId))];
  const records = new Map<string, HubSpotRecord>();
  if (ids.length > 0) {
    const { data } = await ctx.api.request<{ results?: HubSpotRecord[] }>({
      method: 'POST',
      path: paths.objects.batch(type.name, 'read'),
      json: { inputs: ids.map((id) => ({ id })), properties: retrievedProperties(ctx, type) },
      idempotent: true,
    });
    for (const record of data.results ?? []) records.set(String(record.id), record);
  }
  return events
    .filter((event) => keep(event, records.get(readId(event))))
    .map((event) => eventItem(event, records.get(readId(event))));
}

/** The record an event is about: after a merge, the one that remains. */
function readId(event: RelayEvent): string {
  return String(event.event === 'merge' ? (event.primaryObjectId ?? event.objectId) : event.objectId);
}

export function eventItem(event: RelayEvent, record: HubSpotRecord | undefined): OperationResult {
  const association = event.association;
  return {
    id: event.eventId,
    record_id: event.event === 'merge' ? readId(event) : String(event.objectId),
    event_id: event.eventId,
    event: event.event,
    occurred_at: new Date(event.occurredAt).toISOString(),
    record_found: record !== undefined,
    ...(event.propertyName !== undefined
      ? {
          property_name: event.propertyName,
          property_value: event.propertyValue ?? null,
          change_source: event.changeSource ?? null,
        }
      : {}),
    ...(event.event === 'merge'
      ? {
          primary_record_id: readId(event),
          merged_record_ids: (event.mergedObjectIds ?? []).join(','),
        }
      : {}),
    ...(association
      ? {
          association_object_type_id: association.toObjectTypeId,
          association_record_id: association.toObjectId,
          association_type_id: association.associationTypeId ?? null,
          association_category: association.associationCategory ?? null,
          association_removed: association.removed,
        }
      : {}),
    ...(event.list ? { list_id: event.list.listId, membership_removed: event.list.removed } : {}),
    ...(record
      ? {
          createdAt: record.createdAt,
          updatedAt: record.updatedAt,
          archived: record.archived ?? false,
          properties: record.properties,
        }
      : {}),
  };
}
