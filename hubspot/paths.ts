/**
 * The one place that builds HubSpot URLs. Every builder reads the path family (`HUBSPOT_API_VERSION`) and the base
 * URL at call time. Path segments are percent-encoded, so ids such as an email used with `idProperty=email` are safe.
 * Sources: objects https://developers.hubspot.com/docs/guides/crm/using-object-apis, associations v4
 * https://developers.hubspot.com/docs/api/crm/associations/v4 (2026-03: per-record association paths moved under
 * `/crm/objects/2026-03`, batch and labels under `/crm/associations/2026-03`), lists v3, owners, properties,
 * pipelines, OAuth https://developers.hubspot.com/docs/api/oauth/tokens, forms
 * https://developers.hubspot.com/docs/api/marketing/forms.
 */
import { DATED_API_VERSION, toDatedPath } from './apiVersions';
import { apiFamily, baseUrl, formsBaseUrl } from './config';

/**
 * A CRM or OAuth path written in the legacy family, moved to the date-versioned family when that is selected.
 * The prefix mapping is the shared table in `apiVersions.ts`. Account info, files and forms stay on their
 * numbered paths in both families.
 */
function crm(legacyPath: string): string {
  return apiFamily() === 'legacy' ? legacyPath : toDatedPath(legacyPath, DATED_API_VERSION);
}

/**
 * Percent-encodes one path segment (an id, an object type, an email used as id). encodeURIComponent leaves `.` alone,
 * and a segment that is `.` or `..` is resolved by every URL parser (RFC 3986 §5.2.4): `/crm/v3/objects/contacts/..`
 * is `/crm/v3/objects/`, another endpoint. Those and an empty segment are refused here, as a last guard; operations
 * refuse them first, naming the field.
 */
export function seg(value: string | number): string {
  const encoded = encodeURIComponent(String(value));
  if (encoded === '' || encoded === '.' || encoded === '..')
    throw new Error(`A HubSpot URL path segment cannot be empty, "." or ".." (got "${encoded}").`);
  return encoded;
}

export type Id = string | number;
export type BatchVerb = 'read' | 'create' | 'update' | 'upsert' | 'archive';
export type AssociationBatchVerb = 'read' | 'create' | 'archive' | 'associate/default' | 'labels/archive';

const objectPath = (objectType: string) => crm(`/crm/v3/objects/${seg(objectType)}`);
const recordAssociationsPath = (fromType: string, fromId: Id) =>
  crm(`/crm/v4/objects/${seg(fromType)}/${seg(fromId)}/associations`);
const associationTypesPath = (fromType: string, toType: string) =>
  crm(`/crm/v4/associations/${seg(fromType)}/${seg(toType)}`);
const propertiesPath = (objectType: string) => crm(`/crm/v3/properties/${seg(objectType)}`);
const pipelinesPath = (objectType: string) => crm(`/crm/v3/pipelines/${seg(objectType)}`);
const ownersPath = () => crm('/crm/v3/owners');
const listsPath = () => crm('/crm/v3/lists');
const schemasPath = () => crm('/crm-object-schemas/v3/schemas');
const listPath = (listId: Id) => `${listsPath()}/${seg(listId)}`;

export const paths = {
  objects: {
    list: (objectType: string) => objectPath(objectType),
    create: (objectType: string) => objectPath(objectType),
    one: (objectType: string, id: Id) => `${objectPath(objectType)}/${seg(id)}`,
    batch: (objectType: string, verb: BatchVerb) => `${objectPath(objectType)}/batch/${verb}`,
    search: (objectType: string) => `${objectPath(objectType)}/search`,
    merge: (objectType: string) => `${objectPath(objectType)}/merge`,
  },
  properties: {
    list: (objectType: string) => propertiesPath(objectType),
    one: (objectType: string, name: string) => `${propertiesPath(objectType)}/${seg(name)}`,
    groups: (objectType: string) => `${propertiesPath(objectType)}/groups`,
    group: (objectType: string, groupName: string) =>
      `${propertiesPath(objectType)}/groups/${seg(groupName)}`,
  },
  pipelines: {
    list: (objectType: string) => pipelinesPath(objectType),
    one: (objectType: string, pipelineId: Id) => `${pipelinesPath(objectType)}/${seg(pipelineId)}`,
    stages: (objectType: string, pipelineId: Id) => `${pipelinesPath(objectType)}/${seg(pipelineId)}/stages`,
  },
  /** Custom object schemas: https://developers.hubspot.com/docs/api/crm/crm-custom-objects */
  schemas: {
    list: () => schemasPath(),
    one: (objectType: string) => `${schemasPath()}/${seg(objectType)}`,
  },
  owners: {
    list: () => ownersPath(),
    one: (ownerId: Id) => `${ownersPath()}/${seg(ownerId)}`,
  },
  associations: {
    /** PUT: the default (unlabelled) association between two records. */
    putDefault: (fromType: string, fromId: Id, toType: string, toId: Id) =>
      `${recordAssociationsPath(fromType, fromId)}/default/${seg(toType)}/${seg(toId)}`,
    /** PUT with a body of association specs (labels); DELETE removes every association between the two records. */
    pair: (fromType: string, fromId: Id, toType: string, toId: Id) =>
      `${recordAssociationsPath(fromType, fromId)}/${seg(toType)}/${seg(toId)}`,
    /** GET: a record's associations to one object type. */
    list: (fromType: string, fromId: Id, toType: string) =>
      `${recordAssociationsPath(fromType, fromId)}/${seg(toType)}`,
    batch: (fromType: string, toType: string, verb: AssociationBatchVerb) =>
      `${associationTypesPath(fromType, toType)}/batch/${verb}`,
    labels: (fromType: string, toType: string) => `${associationTypesPath(fromType, toType)}/labels`,
  },
  lists: {
    create: () => listsPath(),
    one: (listId: Id) => listPath(listId),
    search: () => `${listsPath()}/search`,
    memberships: (listId: Id) => `${listPath(listId)}/memberships`,
    /** Members in the order they joined (membershipTimestamp), for the new-member trigger. */
    membershipsByJoinOrder: (listId: Id) => `${listPath(listId)}/memberships/join-order`,
    byName: (objectTypeId: string, listName: string) =>
      `${listsPath()}/object-type-id/${seg(objectTypeId)}/name/${seg(listName)}`,
    addMembers: (listId: Id) => `${listPath(listId)}/memberships/add`,
    removeMembers: (listId: Id) => `${listPath(listId)}/memberships/remove`,
  },
  /**
   * OAuth v3, whose dated twin is `/oauth/2026-03/...`; v1 is deprecated on 2027-02-16. Every parameter travels in
   * the form body. https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/migration-guide
   */
  oauth: {
    token: () => crm('/oauth/v3/token'),
    introspect: () => crm('/oauth/v3/token/introspect'),
    revoke: () => crm('/oauth/v3/token/revoke'),
  },
  account: {
    details: () => '/account-info/v3/details',
    dailyPrivateAppUsage: () => '/account-info/v3/api-usage/daily/private-apps',
  },
  files: {
    upload: () => '/files/v3/files',
    one: (fileId: Id) => `/files/v3/files/${seg(fileId)}`,
    search: () => '/files/v3/files/search',
    signedUrl: (fileId: Id) => `/files/v3/files/${seg(fileId)}/signed-url`,
  },
  /**
   * Automation. Workflows: the v4 flows API lists them, but has no enrollment endpoint; enrollment is only documented
   * on the v2 workflows API (legacy, not retired), which takes the legacy workflow id, so a flow id is mapped first
   * (`workflow-id-mappings`). https://developers.hubspot.com/docs/api-reference/legacy/automation/workflows/guide,
   * https://developers.hubspot.com/docs/api-reference/legacy/automation/workflows/v2/enroll-contact,
   * https://developers.hubspot.com/docs/api-reference/legacy/automation/workflows/batch/get-workflow-id-mappings.
   * Sequences v4: https://developers.hubspot.com/docs/api-reference/legacy/automation/sequences/enroll-contact
   */
  automation: {
    flows: () => '/automation/v4/flows',
    workflowIdMappings: () => '/automation/v4/workflow-id-mappings/batch/read',
    enrollContactInWorkflow: (workflowId: Id, email: string) =>
      `/automation/v2/workflows/${seg(workflowId)}/enrollments/contacts/${seg(email)}`,
    sequences: () => '/automation/v4/sequences',
    sequenceEnrollments: () => '/automation/v4/sequences/enrollments',
  },
  /** Subscription preferences v4: https://developers.hubspot.com/docs/api-reference/legacy/communication-preferences/guide */
  communicationPreferences: {
    definitions: () => '/communication-preferences/v4/definitions',
    status: (subscriberIdString: string) =>
      `/communication-preferences/v4/statuses/${seg(subscriberIdString)}`,
  },
  /** Custom behavioral events: https://developers.hubspot.com/docs/api-reference/legacy/events/send-event-data/guide */
  events: {
    definitions: () => '/events/v3/event-definitions',
    send: () => '/events/v3/send',
  },
  /**
   * Timeline events v3 (app event templates), now served under `/integrators/timeline/v3` (the older
   * `/crm/v3/timeline` prefix is the same API): https://developers.hubspot.com/docs/api/crm/timeline
   */
  timeline: {
    events: () => '/integrators/timeline/v3/events',
    templates: (appId: Id) => `/integrators/timeline/v3/${seg(appId)}/event-templates`,
  },
  /** https://developers.hubspot.com/docs/api-reference/latest/marketing/transactional-emails/create-transactional-email */
  transactionalEmail: {
    /** Marketing emails v3, which the `transactional-email` scope may read: https://developers.hubspot.com/docs/api/marketing/marketing-email */
    emails: () => '/marketing/v3/emails',
    singleSend: () => '/marketing/v3/transactional/single-email/send',
  },
  forms: {
    list: () => '/marketing/v3/forms',
    one: (formId: string) => `/marketing/v3/forms/${seg(formId)}`,
    /** Submissions are readable only through Forms v1 (no v3 or dated equivalent). */
    submissions: (formId: string) => `/form-integrations/v1/submissions/forms/${seg(formId)}`,
  },
} as const;

/** The authenticated form submission endpoint, a full URL on the forms host. */
export function formsSecureSubmitUrl(portalId: Id, formGuid: string): string {
  return `${formsBaseUrl()}/submissions/v3/integration/secure/submit/${seg(portalId)}/${seg(formGuid)}`;
}

export type QueryValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | ReadonlyArray<string | number | boolean>;
export type Query = Readonly<Record<string, QueryValue>>;

/**
 * A full URL from a path (joined to the base URL read now) or an absolute URL, plus a query string. Arrays become
 * repeated keys (`properties=a&properties=b`), as `@hubspot/api-client` sends them; `undefined`/`null` are dropped.
 */
export function buildUrl(pathOrUrl: string, query?: Query): string {
  const absolute = /^https?:\/\//i.test(pathOrUrl);
  const url = new URL(
    absolute ? pathOrUrl : `${baseUrl()}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`,
  );
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const one of values) url.searchParams.append(key, String(one));
  }
  return url.toString();
}
