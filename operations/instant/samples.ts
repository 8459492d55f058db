import type { OperationResult } from '../types';

/** The event part of an instant trigger's sample: what the relay hands over for one HubSpot event. */
export function sampleEvent(recordId: string, event: string, extra: OperationResult = {}): OperationResult {
  return {
    id: '3f9c2d1e-7a44-4b8e-9a51-6c2f0e1d5b77',
    record_id: recordId,
    event_id: '3f9c2d1e-7a44-4b8e-9a51-6c2f0e1d5b77',
    event,
    occurred_at: '2026-01-05T09:00:00.000Z',
    record_found: event !== 'deletion',
    ...extra,
  };
}
