import type { OutputFieldDef } from './types';

/**
 * Triggers that fire more than once per record (each change of it, each time it joins a list) dedupe on this field:
 * marked `primary`, it replaces `id` as Zapier's dedupe key, so `id` stays HubSpot's record id, safe to map into an
 * update or a search. `parts` names what the key joins, as its label shows.
 * https://docs.zapier.com/platform/build/deduplication
 */
export const DEDUPE_KEY = 'dedupe_key';

export const dedupeKeyField = (parts: string): OutputFieldDef => ({
  key: DEDUPE_KEY,
  label: `Dedupe Key (${parts})`,
  type: 'string',
  primary: true,
});
