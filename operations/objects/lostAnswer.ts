import type { HubSpotResponse } from '../../hubspot/client';
import type { ErrorContext } from '../../hubspot/errorMessages';
import { ConnectionFailedError, ServerError } from '../../hubspot/errors';
import type { ObjectTypeDef } from '../../hubspot/objectTypes';
import { paths } from '../../hubspot/paths';
import { describeProperty, type PropertyLookup } from '../../hubspot/propertyDefinition';
import type { PortalPropertyDefinition } from '../propertyFields';
import type { HubSpotRecord } from '../search';
import type { OperationContext } from '../types';
import { isUniqueProperty } from './common';

/**
 * A write whose answer was lost: the connection broke or timed out, or HubSpot answered 5xx, possibly AFTER HubSpot
 * applied it. The client never repeats a create blind (hubspot/retry.ts), since a replay can make a second record;
 * these helpers let an operation find out what happened, or tell the user how to.
 * https://developers.hubspot.com/docs/api-reference/error-handling
 */

/** A failure after which HubSpot may have applied the write. */
export function mayHaveBeenApplied(error: unknown): boolean {
  return error instanceof ConnectionFailedError || error instanceof ServerError;
}

/** The first property of a create that identifies one record: a contact's e-mail, or a `hasUniqueValue` one. */
export function uniqueValueOf(
  type: ObjectTypeDef,
  defs: readonly PortalPropertyDefinition[],
  properties: Readonly<Record<string, string>>,
): { name: string; value: string } | undefined {
  const name = Object.keys(properties).find(
    (key) =>
      properties[key] !== '' &&
      isUniqueProperty(
        type.name,
        defs.find((d) => d.name === key),
        key,
      ),
  );
  return name ? { name, value: properties[name]! } : undefined;
}

/** Long values (a note's body) are cut in the message; the start is enough to find the record. */
const MAX_VALUE_IN_MESSAGE = 100;

/**
 * What a create may have done and how the user can look for it, for the error message of a lost answer
 * (`hubspot/errorMessages.ts`): the unique value when there is one, else `preferred` (the value a find-or-create
 * matches on), else the type's display property (a deal's name), else the first value given.
 */
export function createCheck(
  type: ObjectTypeDef,
  defs: readonly PortalPropertyDefinition[],
  properties: Readonly<Record<string, string>>,
  preferred?: string,
): NonNullable<ErrorContext['unconfirmedWrite']> {
  const noun = type.singular.toLowerCase();
  const plural = type.plural.toLowerCase();
  const given = (name: string | undefined) => (name && properties[name] ? name : undefined);
  const name =
    uniqueValueOf(type, defs, properties)?.name ??
    given(preferred) ??
    given(type.primaryDisplayProperty) ??
    Object.keys(properties).find((key) => properties[key] !== '');
  if (!name) return { outcome: `created the ${noun}`, check: `look at the newest ${plural} in HubSpot` };
  const value = properties[name]!;
  const shown = value.length > MAX_VALUE_IN_MESSAGE ? `${value.slice(0, MAX_VALUE_IN_MESSAGE)}…` : value;
  return {
    outcome: `created the ${noun}`,
    check: `search ${plural} for ${describeProperty(name, defs as PropertyLookup)} "${shown}"`,
  };
}

/**
 * `Date` has whole seconds, and the clocks of HubSpot's servers differ a little: the allowance on HubSpot-side times.
 */
const SERVER_TIME_ALLOWANCE_MS = 2_000;

/**
 * Whether HubSpot created `record` during our attempt, judged on HubSpot's clock only, so a skewed clock here cannot
 * fool it: our write reached HubSpot at most `now - startedAt` (a duration measured here, from sending the write to the
 * answer of the follow-up call) before HubSpot's time at that answer (its `Date` header). A record created earlier
 * existed before the step, so it is not one this step wrote.
 */
export function createdDuringAttempt(
  record: Pick<HubSpotRecord, 'createdAt'>,
  attempt: { startedAt: number; now: number; answer: Pick<HubSpotResponse, 'headers'> },
): boolean {
  const created = Date.parse(record.createdAt);
  const serverTime = Date.parse(attempt.answer.headers.date ?? '');
  const serverNow = Number.isFinite(serverTime) ? serverTime : attempt.now;
  const elapsed = attempt.now - attempt.startedAt;
  return Number.isFinite(created) && created >= serverNow - elapsed - SERVER_TIME_ALLOWANCE_MS;
}

/**
 * After a create whose answer was lost: the record holding the create's unique value, read with
 * `GET …?idProperty=` (which sees a write at once, unlike search), and whether the read proves this create wrote it:
 * same unique value, created during the attempt. An older record means HubSpot refused the create (409, the value was
 * taken). Undefined when there is none, or the read fails too.
 * https://developers.hubspot.com/docs/api/crm/contacts#retrieve-contacts-by-record-id-email-or-custom-unique-value-property
 */
export async function readBack(
  ctx: OperationContext,
  type: ObjectTypeDef,
  key: { name: string; value: string },
  properties: Readonly<Record<string, string>>,
  startedAt: number,
): Promise<{ record: HubSpotRecord; createdByUs: boolean } | undefined> {
  try {
    const answer = await ctx.api.request<HubSpotRecord>({
      method: 'GET',
      path: paths.objects.one(type.name, key.value),
      query: { idProperty: key.name, properties: Object.keys(properties) },
      acceptStatuses: [404],
    });
    if (answer.status === 404) return undefined;
    const held = String(answer.data.properties?.[key.name] ?? '');
    const same =
      type.name === 'contacts' && key.name === 'email'
        ? held.toLowerCase() === key.value.toLowerCase()
        : held === key.value;
    if (!same) return undefined;
    const createdByUs = createdDuringAttempt(answer.data, { startedAt, now: ctx.now(), answer });
    return { record: answer.data, createdByUs };
  } catch {
    return undefined;
  }
}
