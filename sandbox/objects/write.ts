import { requiredOnCreate } from '../defaults';
import { conflict, type PropertyIssue, propertyValidationError, validationError } from '../errors';
import type { ObjectTypeDef } from '../facts/objectTypes';
import type { AuthContext } from '../http';
import type { HistoryEntry, SandboxRecord } from '../model';
import type { Portal } from '../portal';
import { type InlineAssociation, parseInlineAssociations, storeInlineAssociations } from './associations';
import { asCustom } from './customObjects';
import { copyFromProduct } from './lineItemProduct';
import { type FindOptions, requireRecord } from './lookup';
import { iso } from './read';
import { checkRequiredAssociations } from './requiredAssociations';
import { isContactEmail, uniqueIndex } from './uniqueIndex';
import { checkValues, issue } from './validate';

/**
 * Creating, updating and archiving records. Each write is split in two: `prepare*` checks everything and may throw
 * HubSpot's 400/409, `commit*` only writes. Batches prepare every input before committing any, so a batch that fails
 * writes nothing.
 * Rules: https://developers.hubspot.com/docs/api/crm/understanding-the-crm and the per-object guides.
 */

export interface WriteInput {
  properties?: Record<string, unknown>;
  associations?: unknown;
}

/** Who a write is recorded as, in `propertiesWithHistory`. */
export type WriteSource = Pick<HistoryEntry, 'sourceType' | 'sourceId'>;

/**
 * Writes through a private-app or OAuth token are recorded as `INTEGRATION` with the app id; writes without a token
 * (the sandbox seeding itself) as `IMPORT`.
 */
export function sourceOf(auth: AuthContext | undefined): WriteSource {
  return auth ? { sourceType: 'INTEGRATION', sourceId: String(auth.appId) } : { sourceType: 'IMPORT' };
}

/**
 * Unique values taken by earlier inputs of the same batch, so two inputs cannot both claim one email.
 * Key: property + normalised value.
 */
export type BatchClaims = Map<string, true>;

export interface PreparedCreate {
  values: Record<string, string>;
  associations: InlineAssociation[];
}

export interface PreparedUpdate {
  record: SandboxRecord;
  values: Record<string, string>;
}

export function prepareCreate(
  portal: Portal,
  type: ObjectTypeDef,
  input: WriteInput,
  claims?: BatchClaims,
): PreparedCreate {
  const properties = objectOrEmpty(input.properties);
  const { values, issues } = checkValues(portal, type, properties);
  // Since 2024-11 a meeting without hs_timestamp takes its start time.
  if (type.name === 'meetings' && !values.hs_timestamp && values.hs_meeting_start_time) {
    values.hs_timestamp = values.hs_meeting_start_time;
  }
  const productIssue = copyFromProduct(portal, type, values);
  if (productIssue) issues.push(productIssue);
  issues.push(...missingRequired(type, values));
  if (issues.length > 0) throw propertyValidationError(issues, portal.info.portalId);
  // https://developers.hubspot.com/docs/api/crm/contacts: "include at least one of email, firstname, lastname".
  if (type.objectTypeId === '0-1' && !values.email && !values.firstname && !values.lastname) {
    throw validationError('A contact needs at least one of the properties email, firstname or lastname.', {
      context: { propertyName: ['email', 'firstname', 'lastname'] },
    });
  }
  checkUnique(portal, type, values, undefined, claims);
  const associations = parseInlineAssociations(portal, type, input.associations);
  checkRequiredAssociations(type, associations);
  return { values, associations };
}

function missingRequired(type: ObjectTypeDef, values: Record<string, string>): PropertyIssue[] {
  const required = asCustom(type)?.requiredProperties ?? requiredOnCreate(type.name);
  return required
    .filter((name) => !values[name])
    .map((name) => issue(name, 'REQUIRED_PROPERTY', `Property "${name}" is required on create.`));
}

export function commitCreate(
  portal: Portal,
  type: ObjectTypeDef,
  prepared: PreparedCreate,
  source: WriteSource,
): SandboxRecord {
  const now = portal.now();
  const id = portal.ids.take();
  const properties: Record<string, string> = {};
  const history: Record<string, HistoryEntry[]> = {};
  const set = (name: string, value: string) => {
    properties[name] = value;
    history[name] = [{ value, timestamp: now, ...source }];
  };
  for (const name in prepared.values) {
    const value = prepared.values[name]!;
    if (value !== '') set(name, value);
  }
  const stamp = iso(now);
  set('hs_object_id', id);
  set(type.createdProperty, stamp);
  set(type.lastModifiedProperty, stamp);
  const record: SandboxRecord = {
    id,
    objectTypeId: type.objectTypeId,
    properties,
    history,
    createdAt: now,
    updatedAt: now,
    archived: false,
    searchableAt: now + portal.searchIndexLagMs,
  };
  portal.records.put(record);
  storeInlineAssociations(portal, type, id, prepared.associations);
  return record;
}

/** Creates one record (the seeding code calls this directly, without a token). */
export function createRecord(
  portal: Portal,
  type: ObjectTypeDef,
  input: WriteInput,
  auth?: AuthContext,
): SandboxRecord {
  return commitCreate(portal, type, prepareCreate(portal, type, input), sourceOf(auth));
}

export function prepareUpdate(
  portal: Portal,
  type: ObjectTypeDef,
  record: SandboxRecord,
  input: WriteInput,
  claims?: BatchClaims,
): PreparedUpdate {
  const { values, issues } = checkValues(portal, type, objectOrEmpty(input.properties), record.properties);
  if (issues.length > 0) throw propertyValidationError(issues, portal.info.portalId);
  checkUnique(portal, type, values, record.id, claims);
  return { record, values };
}

/** Applies an update: changed values get a history entry; `''` clears a value and is recorded as `''`. */
export function commitUpdate(
  portal: Portal,
  type: ObjectTypeDef,
  prepared: PreparedUpdate,
  source: WriteSource,
): SandboxRecord {
  const { record: previous, values } = prepared;
  const now = portal.now();
  const properties = { ...previous.properties };
  const history = { ...previous.history };
  const record = (name: string, value: string) => {
    history[name] = [...(history[name] ?? []), { value, timestamp: now, ...source }];
  };
  for (const [name, value] of Object.entries(values)) {
    if ((previous.properties[name] ?? '') === value) continue;
    if (value === '') delete properties[name];
    else properties[name] = value;
    record(name, value);
  }
  properties[type.lastModifiedProperty] = iso(now);
  record(type.lastModifiedProperty, properties[type.lastModifiedProperty]!);
  const next: SandboxRecord = {
    ...previous,
    properties,
    history,
    updatedAt: now,
    searchableAt: now + portal.searchIndexLagMs,
  };
  portal.records.put(next, previous);
  return next;
}

/** Updates one live record found by id or `idProperty`; 404 when there is none. */
export function updateRecord(
  portal: Portal,
  type: ObjectTypeDef,
  id: string,
  input: WriteInput,
  auth?: AuthContext,
  options: Pick<FindOptions, 'idProperty'> = {},
): SandboxRecord {
  const record = requireRecord(portal, type, id, options);
  return commitUpdate(portal, type, prepareUpdate(portal, type, record, input), sourceOf(auth));
}

/** Moves a record to the recycling bin; archived records leave lists, reads and the unique index. */
export function archiveRecord(portal: Portal, record: SandboxRecord): void {
  if (record.archived) return;
  const now = portal.now();
  portal.records.put(
    {
      ...record,
      archived: true,
      archivedAt: now,
      updatedAt: now,
      searchableAt: now + portal.searchIndexLagMs,
    },
    record,
  );
}

/**
 * HubSpot refuses a second record with the same contact email or the same value of a `hasUniqueValue` property. The
 * contact body, as captured in HubSpot/hubspot-api-nodejs#545 and HubSpot/hubspot-api-python#51, is exactly
 * `{status: "error", message: "Contact already exists. Existing ID: <id>", correlationId, category: "CONFLICT"}`:
 * no `error` field and no `context` (integrators read the id from the message).
 */
function checkUnique(
  portal: Portal,
  type: ObjectTypeDef,
  values: Record<string, string>,
  selfId: string | undefined,
  claims: BatchClaims | undefined,
): void {
  for (const name in values) {
    const value = values[name]!;
    if (value === '' || !isUniqueProperty(portal, type, name)) continue;
    const existing = uniqueIndex(portal).lookup(type, name, value);
    if (existing !== undefined && existing !== selfId) {
      if (isContactEmail(type, name)) throw conflict(`Contact already exists. Existing ID: ${existing}`);
      throw conflict(
        `A ${type.singular.toLowerCase()} with ${name} "${value}" already exists. Existing ID: ${existing}`,
      );
    }
    if (claims) {
      const key = `${name}\u0000${isContactEmail(type, name) ? value.trim().toLowerCase() : value}`;
      if (claims.has(key)) throw conflict(`Duplicate value "${value}" for ${name} in the batch inputs.`);
      claims.set(key, true);
    }
  }
}

function isUniqueProperty(portal: Portal, type: ObjectTypeDef, name: string): boolean {
  return isContactEmail(type, name) || (portal.properties.get(type, name)?.hasUniqueValue ?? false);
}

function objectOrEmpty(raw: unknown): Record<string, unknown> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw validationError('Invalid input JSON: properties must be an object of property names to values.');
  }
  return raw as Record<string, unknown>;
}
