import { paths } from '../../hubspot/paths';
import { createdDuringAttempt, mayHaveBeenApplied } from '../objects/lostAnswer';
import type { HubSpotRecord } from '../search';
import type { OperationContext } from '../types';

/** A contact's associations read in one page (HubSpot's maximum, 500), and the newest notes checked of them. */
const ASSOCIATIONS_PAGE = 500;
const NOTES_CHECKED = 100;

/**
 * After a note create whose answer was lost (connection, timeout, 5xx; see `lostAnswer.ts`): the note this step wrote,
 * if HubSpot wrote it. Notes hold no unique value to read back by, but the note was associated with the contact in
 * the same call, and a record's associations are read directly (`GET /crm/v4/objects/contacts/{id}/associations/notes`,
 * no search-index lag: https://developers.hubspot.com/docs/api/crm/associations/v4). Of the contact's newest notes,
 * the one with this body created during the attempt (HubSpot's clock, `createdDuringAttempt`) is ours. Undefined when
 * none is, or when a read fails too: the step then fails with the lost answer's message, which says where to look.
 */
export async function findLostNote(
  ctx: OperationContext,
  error: unknown,
  attempt: { contactId: string; body: string; startedAt: number },
): Promise<string | undefined> {
  if (!mayHaveBeenApplied(error)) return undefined;
  try {
    const { data } = await ctx.api.request<{ results?: Array<{ toObjectId: string | number }> }>({
      method: 'GET',
      path: paths.associations.list('contacts', attempt.contactId, 'notes'),
      query: { limit: ASSOCIATIONS_PAGE },
    });
    const ids = (data.results ?? [])
      .map((r) => String(r.toObjectId))
      .sort((a, b) => b.length - a.length || (a < b ? 1 : -1))
      .slice(0, NOTES_CHECKED);
    if (ids.length === 0) return undefined;
    const answer = await ctx.api.request<{ results?: HubSpotRecord[] }>({
      method: 'POST',
      path: paths.objects.batch('notes', 'read'),
      json: { inputs: ids.map((id) => ({ id })), properties: ['hs_note_body'] },
      idempotent: true,
    });
    const ours = (answer.data.results ?? []).find(
      (note) =>
        note.properties?.hs_note_body === attempt.body &&
        createdDuringAttempt(note, { startedAt: attempt.startedAt, now: ctx.now(), answer }),
    );
    return ours?.id;
  } catch {
    return undefined;
  }
}
