/**
 * The platform-neutral shape of one connector operation. Each operation is defined once in `operations/` and
 * rendered into a Zapier trigger/create/search (`zapier/render.ts`) and into a Make module (`make/`), so the two
 * apps never drift.
 */
import type { HubSpotClient } from '../hubspot/client';
import type { RecordWrite } from '../hubspot/objectTypes';
import type { PropertyDefinition } from '../hubspot/propertyDefinition';
import type { CodeNote, RequestSpec } from './request';

export type OperationKind = 'create' | 'search' | 'trigger';

export type InputFieldType =
  | 'string'
  | 'text'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'datetime'
  | 'file'
  | 'password'
  | 'json';

export interface Choice {
  value: string;
  label: string;
}

/** A dropdown filled from the portal; each platform renders it its own way (hidden trigger, RPC). */
export type DropdownSource =
  | { kind: 'owners' }
  /** The portal's association labels between the object types chosen in two other fields of the step. */
  | { kind: 'associationLabels'; fromField: string; toField: string }
  /** The portal's association labels between two fixed object types (a create's associations to one type). */
  | { kind: 'typeAssociationLabels'; from: string; to: string }
  | { kind: 'objectTypes' }
  | { kind: 'lists' }
  | { kind: 'forms' }
  | { kind: 'pipelines'; objectType: string }
  | { kind: 'stages'; objectType: string; pipelineField: string }
  | { kind: 'uniqueProperties'; objectType: ObjectTypeRef }
  | { kind: 'properties'; objectType: ObjectTypeRef }
  /** The newest records of a type, by id, for an input that takes a record id (`operations/recordDropdown.ts`). */
  | { kind: 'records'; objectType: ObjectTypeRef }
  /** The newest records of the type of the list chosen in another field (lists hold contacts, companies...). */
  | { kind: 'listRecords'; listField: string }
  /** HubSpot users by user id (not owner id), from the owners API: who sends a sequence. */
  | { kind: 'users' }
  /** Contact-based workflows (v4 flows), by flow id. */
  | { kind: 'workflows' }
  /** The sequences of the HubSpot user chosen in another field (sequences are listed per user). */
  | { kind: 'sequences'; userField: string }
  /** The portal's active subscription types (subscription preferences). */
  | { kind: 'subscriptionTypes' }
  /** Custom behavioral event definitions, by fully qualified name. */
  | { kind: 'eventDefinitions' }
  /** Published transactional e-mails (marketing emails v3 with `isTransactional`). */
  | { kind: 'transactionalEmails' }
  /** The publishing app's timeline event templates (needs its developer API key; Zapier only). */
  | { kind: 'timelineTemplates' };

/** A fixed object type (`contacts`), or the one the user picks in another input field of the step. */
export type ObjectTypeRef = string | { fromInput: string };

export interface InputFieldDef {
  key: string;
  label: string;
  type?: InputFieldType;
  required?: boolean;
  helpText?: string;
  choices?: readonly Choice[];
  list?: boolean;
  default?: string;
  placeholder?: string;
  dropdown?: DropdownSource;
  /** Changing this field reloads the dynamic fields (e.g. the object type). */
  altersDynamicFields?: boolean;
  /**
   * Fields that must be filled before this one, whose change clears it. A dropdown's own dependencies (the pipeline
   * of a stage...) are derived from its source (`dropdownDependsOn`); list here only others.
   */
  dependsOn?: readonly string[];
  /**
   * The key of the search step (`find_contact`) that finds this field's value, by its output `id`: the editor offers
   * to add it. Zapier only; Make has no equivalent.
   */
  search?: string;
  /**
   * Line items: the field takes a list of rows, each with these fields (Zapier's `children`, one level only,
   * https://docs.zapier.com/platform/build/add-fields); the input value is an array of objects keyed by them.
   */
  children?: readonly InputFieldDef[];
}

export interface OutputFieldDef {
  key: string;
  label: string;
  type?: 'string' | 'number' | 'boolean' | 'datetime' | 'integer';
  /** Part of the trigger's dedupe key; without any, platforms dedupe on `id`. */
  primary?: boolean;
}

/** Input fields loaded from the portal's property definitions for one object type. */
export interface PropertyFieldsSpec {
  objectType: ObjectTypeRef;
  /** `create`: required-on-create flags apply; `update`: nothing is required. */
  purpose: 'create' | 'update';
  /** Properties rendered as static fields by the operation itself. */
  exclude?: readonly string[];
  /** Properties a create must be given (required fields in the editor, checked before any call). */
  required?: readonly string[];
}

/** Per-invocation lookups, fetched at most once each (property definitions, owners). */
export interface PortalSchema {
  properties(objectType: string): Promise<PropertyDefinition[]>;
  owners(): Promise<Array<{ id: string; email?: string; firstName?: string; lastName?: string }>>;
}

/**
 * Small durable storage scoped to one Zap / scenario (polling watermarks). Writes are staged: the platform saves them
 * only after `perform` has returned (`operations/stagedState.ts`), so an operation may set its next watermark as soon
 * as it knows it, and a run that fails later leaves the state as it was.
 */
export interface OperationState {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T): Promise<void>;
}

/**
 * A small key-value store that every run on the same HubSpot portal shares (all connections, all Zaps), with an
 * atomic set-if-absent: what lets overlapping runs agree on one record before CRM search can show it
 * (`operations/objects/domainClaim.ts`). The platform scopes keys to the portal. Any method may throw when the
 * store is unreachable; callers fall back to a way that needs no store.
 */
export interface SharedStore {
  get<T>(key: string): Promise<T | undefined>;
  /** Sets only when no live entry has the key; answers true when this call set it, false when one was there. */
  setIfAbsent<T>(key: string, value: T, ttlSeconds: number): Promise<boolean>;
  set<T>(key: string, value: T, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface OperationContext {
  /** The HubSpot core client, over whichever transport the platform gives. */
  api: HubSpotClient;
  schema: PortalSchema;
  state: OperationState;
  /** Absent where the platform has no such store (Make) or the portal is unknown. */
  shared?: SharedStore;
  input: Record<string, unknown>;
  /** The user's IANA time zone, for dates typed without one. */
  timezone?: string;
  /** The platform wants a quick sample, not a real poll. */
  isLoadingSample: boolean;
  /** The first poll after a Zap is turned on: return recent records, set the watermark, emit nothing new. */
  isPopulatingDedupe: boolean;
  /** A create run as the second half of a search-or-create step. */
  withSearch: boolean;
  /** Which page of a paged dropdown the platform asks for, from 0 (Zapier's `bundle.meta.page`). */
  page: number;
  now(): number;
  log(message: string, data?: Record<string, unknown>): void;
}

export type OperationResult = Record<string, unknown>;

export interface OperationDef {
  key: string;
  kind: OperationKind;
  noun: string;
  /** The object type the operation works on: what `OBJECT_TYPE` in its declared requests stands for. */
  objectType?: ObjectTypeRef;
  /**
   * The write the operation asks of its object type. When the type is chosen in the step, a type HubSpot serves no
   * such write for (read-only, update-only: `refusedWrite` in `hubspot/objectTypes.ts`) is refused naming the type
   * field before any call, on both platforms.
   */
  typeWrite?: RecordWrite;
  label: string;
  description: string;
  /** Powers a dropdown only; not shown in the editor. */
  hidden?: boolean;
  /**
   * For an operation that destroys data (archive, merge, remove): what cannot be undone, shown above its fields
   * (a Copy field on Zapier, a banner on Make).
   * https://platform.zapier.com/publish/integration-build-guidelines#delete-actions
   * Also what the account needs before the step can work (a paid tier, a scope: `operations/availability.ts`).
   */
  warning?: string;
  /** A dropdown too long for one answer: the platform asks page after page (`ctx.page`) until one comes back empty. */
  paged?: boolean;
  inputFields: readonly InputFieldDef[];
  propertyFields?: PropertyFieldsSpec;
  outputFields: readonly OutputFieldDef[];
  /**
   * The object type of the record properties the output carries under `properties` (the common ones and those chosen
   * in "Properties to retrieve"): platforms may label them from the portal's definitions (`retrievedOutputFields`).
   */
  outputProperties?: ObjectTypeRef;
  sample: OperationResult;
  /**
   * The HubSpot request(s) a run sends, as data (`operations/request.ts`): `perform` runs them through
   * `runRequests`, and Make's module is rendered from them. Absent when the operation is code only (`code`).
   */
  requests?: readonly RequestSpec[];
  /** Why the operation needs code besides or instead of `requests` (polling state, a recovery, coercion IML lacks). */
  code?: CodeNote;
  /** A create returns one record; searches and triggers return a list, newest first. */
  perform(ctx: OperationContext): Promise<OperationResult | OperationResult[]>;
  /** For the README operations table and `bench:calls`: which HubSpot endpoints a run calls, and how often. */
  calls: { endpoints: readonly string[]; perRun: string };
}
