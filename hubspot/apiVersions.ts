/**
 * HubSpot's two path families: the legacy numbered ones (`/crm/v3/objects/...`) and the date-versioned ones that went
 * GA on 2026-03-30 (`/crm/objects/2026-03/...`). https://developers.hubspot.com/docs/api-reference/latest/overview
 * Each row maps a legacy prefix to its date-versioned twin; `{v}` is the version. Order matters: the first row whose
 * pattern fits wins (association reads on a record come before plain object paths).
 */

export const DATED_API_VERSION = '2026-03';

export interface PathFamilyRow {
  legacy: RegExp;
  dated: RegExp;
  /** Rewrites a legacy path's prefix into the dated family. */
  toDated: string;
  /** Rewrites a dated path's prefix into the legacy family. */
  toLegacy: string;
}

const row = (legacyPrefix: string, datedPrefix: string, tail = ''): PathFamilyRow => ({
  legacy: new RegExp(`^${legacyPrefix}${tail}`),
  dated: new RegExp(`^${datedPrefix.replace('{v}', '(\\d{4}-\\d{2})')}${tail}`),
  toDated: datedPrefix,
  toLegacy: legacyPrefix,
});

export const PATH_FAMILIES: readonly PathFamilyRow[] = [
  // Associations on one record: /crm/v4/objects/{type}/{id}/associations/...
  row('/crm/v4/objects/', '/crm/objects/{v}/', '(?=[^/]+/[^/]+/associations)'),
  row('/crm/v3/objects/', '/crm/objects/{v}/'),
  row('/crm/v4/associations/', '/crm/associations/{v}/'),
  row('/crm/v3/properties/', '/crm/properties/{v}/'),
  row('/crm/v3/pipelines/', '/crm/pipelines/{v}/'),
  row('/crm/v3/owners', '/crm/owners/{v}'),
  row('/crm/v3/lists', '/crm/lists/{v}'),
  row('/crm-object-schemas/v3/schemas', '/crm/object-schemas/{v}/schemas'),
  row('/account-info/v3/', '/account-info/{v}/'),
  row('/files/v3/', '/files/{v}/'),
  row('/marketing/v3/forms', '/marketing/forms/{v}'),
  // OAuth's dated family continues v3 (token, introspect, revoke), not v1:
  // https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/migration-guide
  row('/oauth/v3/', '/oauth/{v}/'),
];

/** Rewrites a legacy path into the date-versioned family (paths with no twin are returned unchanged). */
export function toDatedPath(legacyPath: string, version = DATED_API_VERSION): string {
  for (const r of PATH_FAMILIES) {
    if (r.legacy.test(legacyPath)) return legacyPath.replace(r.toLegacy, r.toDated.replace('{v}', version));
  }
  return legacyPath;
}

/** Rewrites a date-versioned path into the legacy family, which the sandbox routes on. */
export function toLegacyPath(path: string): string {
  for (const r of PATH_FAMILIES) {
    const m = r.dated.exec(path);
    if (m) return r.toLegacy + path.slice(m[0].length);
  }
  return path;
}
