/**
 * The one place that builds HubSpot URLs. Every builder reads the path family (`HUBSPOT_API_VERSION`) and the base
 * URL at call time. Path segments are percent-encoded, so ids such as an email used with `idProperty=email` are safe.
 * Sources: objects https://developers.hubspot.com/docs/guides/crm/using-object-apis, associations v4
 * https://developers.hubspot.com/docs/api/crm/associations/v4 (2026-03: per-record association paths moved under
 * `/crm/objects/2026-03`, batch and labels under `/crm/associations/2026-03`), lists v3, owners, properties,
 * pipelines, OAuth https://developers.hubspot.com/docs/api/oauth/tokens, forms
 * https://developers.hubspot.com/docs/api/marketing/forms.
 */
import { type ApiFamily, apiFamily, baseUrl, formsBaseUrl } from './config';

interface FamilyPrefixes {
  objects: string;
  /** Per-record association endpoints (`/{from}/{id}/associations/...`). */
  recordAssociations: string;
  /** Batch and label association endpoints (`/{from}/{to}/batch/...`). */
  associations: string;
  properties: string;
  pipelines: string;
  owners: string;
  lists: string;
  oauthToken: string;
}

const PREFIXES: Readonly<Record<ApiFamily, FamilyPrefixes>> = {
  legacy: {
    objects: '/crm/v3/objects',
    recordAssociations: '/crm/v4/objects',
    associations: '/crm/v4/associations',
    properties: '/crm/v3/properties',
    pipelines: '/crm/v3/pipelines',
    owners: '/crm/v3/owners',
    lists: '/crm/v3/lists',
    oauthToken: '/oauth/v1/token',
  },
  '2026-03': {
    objects: '/crm/objects/2026-03',
    recordAssociations: '/crm/objects/2026-03',
    associations: '/crm/associations/2026-03',
    properties: '/crm/properties/2026-03',
    pipelines: '/crm/pipelines/2026-03',
    owners: '/crm/owners/2026-03',
    lists: '/crm/lists/2026-03',
    oauthToken: '/oauth/2026-03/token',
  },
};

function prefix(key: keyof FamilyPrefixes): string {
  return PREFIXES[apiFamily()][key];
}

/** Percent-encodes one path segment (an id, an object type, an email used as id). */
export function seg(value: string | number): string {
  return encodeURIComponent(String(value));
}

export type Id = string | number;
export type BatchVerb = 'read' | 'create' | 'update' | 'upsert' | 'archive';
export type AssociationBatchVerb = 'read' | 'create' | 'archive' | 'associate/default' | 'labels/archive';

const objectPath = (objectType: string) => `${prefix('objects')}/${seg(objectType)}`;
const recordAssociationsPath = (fromType: string, fromId: Id) =>
  `${prefix('recordAssociations')}/${seg(fromType)}/${seg(fromId)}/associations`;
const listPath = (listId: Id) => `${prefix('lists')}/${seg(listId)}`;

export const paths = {
  objects: {
    list: (objectType: string) => objectPath(objectType),
    create: (objectType: string) => objectPath(objectType),
    one: (objectType: string, id: Id) => `${objectPath(objectType)}/${seg(id)}`,
    batch: (objectType: string, verb: BatchVerb) => `${objectPath(objectType)}/batch/${verb}`,
    search: (objectType: string) => `${objectPath(objectType)}/search`,
    mergeContacts: () => `${objectPath('contacts')}/merge`,
  },
  properties: {
    list: (objectType: string) => `${prefix('properties')}/${seg(objectType)}`,
    one: (objectType: string, name: string) => `${prefix('properties')}/${seg(objectType)}/${seg(name)}`,
    groups: (objectType: string) => `${prefix('properties')}/${seg(objectType)}/groups`,
    group: (objectType: string, groupName: string) =>
      `${prefix('properties')}/${seg(objectType)}/groups/${seg(groupName)}`,
  },
  pipelines: {
    list: (objectType: string) => `${prefix('pipelines')}/${seg(objectType)}`,
    one: (objectType: string, pipelineId: Id) => `${prefix('pipelines')}/${seg(objectType)}/${seg(pipelineId)}`,
    stages: (objectType: string, pipelineId: Id) =>
      `${prefix('pipelines')}/${seg(objectType)}/${seg(pipelineId)}/stages`,
  },
  owners: {
    list: () => prefix('owners'),
    one: (ownerId: Id) => `${prefix('owners')}/${seg(ownerId)}`,
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
      `${prefix('associations')}/${seg(fromType)}/${seg(toType)}/batch/${verb}`,
    labels: (fromType: string, toType: string) =>
      `${prefix('associations')}/${seg(fromType)}/${seg(toType)}/labels`,
  },
  lists: {
    create: () => prefix('lists'),
    one: (listId: Id) => listPath(listId),
    search: () => `${prefix('lists')}/search`,
    memberships: (listId: Id) => `${listPath(listId)}/memberships`,
    addMembers: (listId: Id) => `${listPath(listId)}/memberships/add`,
    removeMembers: (listId: Id) => `${listPath(listId)}/memberships/remove`,
  },
  oauth: {
    token: () => prefix('oauthToken'),
    /** v1 only: the 2026-03 family replaced it with a POST introspect endpoint. */
    accessTokenInfo: (token: string) => `/oauth/v1/access-tokens/${seg(token)}`,
  },
  account: {
    details: () => '/account-info/v3/details',
    dailyPrivateAppUsage: () => '/account-info/v3/api-usage/daily/private-apps',
  },
  files: {
    upload: () => '/files/v3/files',
    one: (fileId: Id) => `/files/v3/files/${seg(fileId)}`,
  },
  forms: {
    list: () => '/marketing/v3/forms',
    one: (formId: string) => `/marketing/v3/forms/${seg(formId)}`,
  },
} as const;

/** The authenticated form submission endpoint, a full URL on the forms host. */
export function formsSecureSubmitUrl(portalId: Id, formGuid: string): string {
  return `${formsBaseUrl()}/submissions/v3/integration/secure/submit/${seg(portalId)}/${seg(formGuid)}`;
}

export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number | boolean>;
export type Query = Readonly<Record<string, QueryValue>>;

/**
 * A full URL from a path (joined to the base URL read now) or an absolute URL, plus a query string. Arrays become
 * repeated keys (`properties=a&properties=b`), as `@hubspot/api-client` sends them; `undefined`/`null` are dropped.
 */
export function buildUrl(pathOrUrl: string, query?: Query): string {
  const absolute = /^https?:\/\//i.test(pathOrUrl);
  const url = new URL(absolute ? pathOrUrl : `${baseUrl()}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const one of values) url.searchParams.append(key, String(one));
  }
  return url.toString();
}
