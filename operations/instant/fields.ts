import type { OutputFieldDef } from '../types';

/**
 * The event fields every instant trigger outputs besides the record. `id` is the event's id, unique per event, so two
 * changes of one record are two items; the record's own id is `record_id` (map that one into an update).
 */
export const EVENT_OUTPUT_FIELDS: readonly OutputFieldDef[] = [
  { key: 'id', label: 'Event ID', type: 'string' },
  { key: 'record_id', label: 'Record ID', type: 'string' },
  { key: 'event_id', label: 'Event ID (HubSpot)', type: 'string' },
  { key: 'event', label: 'Event', type: 'string' },
  { key: 'occurred_at', label: 'Occurred at', type: 'datetime' },
  { key: 'record_found', label: 'Record found', type: 'boolean' },
];

export const PROPERTY_EVENT_FIELDS: readonly OutputFieldDef[] = [
  { key: 'property_name', label: 'Property', type: 'string' },
  { key: 'property_value', label: 'New value', type: 'string' },
  { key: 'change_source', label: 'Change source', type: 'string' },
];

export const MERGE_EVENT_FIELDS: readonly OutputFieldDef[] = [
  { key: 'primary_record_id', label: 'Record kept (ID)', type: 'string' },
  { key: 'merged_record_ids', label: 'Records merged into it (IDs)', type: 'string' },
];

export const ASSOCIATION_EVENT_FIELDS: readonly OutputFieldDef[] = [
  { key: 'association_object_type_id', label: 'Associated object type ID', type: 'string' },
  { key: 'association_record_id', label: 'Associated record ID', type: 'string' },
  { key: 'association_type_id', label: 'Association type ID', type: 'integer' },
  { key: 'association_category', label: 'Association category', type: 'string' },
  { key: 'association_removed', label: 'Association removed', type: 'boolean' },
];

export const RECORD_TIME_FIELDS: readonly OutputFieldDef[] = [
  { key: 'createdAt', label: 'Created at', type: 'datetime' },
  { key: 'updatedAt', label: 'Updated at', type: 'datetime' },
  { key: 'archived', label: 'Archived', type: 'boolean' },
];

/** Help text every instant trigger shows: what happens to a record deleted before it is read. */
export const GONE_RECORD_HELP =
  'If the record is deleted before it can be read, the item still arrives with the event fields and without the ' +
  "record's properties (Record found: false).";
