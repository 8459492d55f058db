/**
 * HubSpot serves each API under two path families: the numbered one (`/crm/v3/objects/...`) and the date-versioned
 * one, GA since 2026-03-30 (`/crm/objects/2026-03/...`): https://developers.hubspot.com/docs/api-reference/latest/overview
 * The sandbox routes on the numbered family and maps a dated path onto it. The first matching row wins: association
 * reads on one record (`/crm/objects/{v}/{type}/{id}/associations/...`) are served by v4, other object paths by v3.
 */
const VERSION = '\\d{4}-\\d{2}';

const DATED_TO_NUMBERED: ReadonlyArray<[dated: RegExp, numbered: string]> = [
  [new RegExp(`^/crm/objects/${VERSION}/(?=[^/]+/[^/]+/associations)`), '/crm/v4/objects/'],
  [new RegExp(`^/crm/objects/${VERSION}/`), '/crm/v3/objects/'],
  [new RegExp(`^/crm/associations/${VERSION}/`), '/crm/v4/associations/'],
  [new RegExp(`^/crm/properties/${VERSION}/`), '/crm/v3/properties/'],
  [new RegExp(`^/crm/pipelines/${VERSION}/`), '/crm/v3/pipelines/'],
  [new RegExp(`^/crm/owners/${VERSION}`), '/crm/v3/owners'],
  [new RegExp(`^/crm/lists/${VERSION}`), '/crm/v3/lists'],
  [new RegExp(`^/crm/object-schemas/${VERSION}/schemas`), '/crm-object-schemas/v3/schemas'],
  [new RegExp(`^/account-info/${VERSION}/`), '/account-info/v3/'],
  [new RegExp(`^/files/${VERSION}/`), '/files/v3/'],
  [new RegExp(`^/marketing/forms/${VERSION}`), '/marketing/v3/forms'],
  // The dated OAuth family continues v3 (token, introspect, revoke):
  // https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/migration-guide
  [new RegExp(`^/oauth/${VERSION}/`), '/oauth/v3/'],
];

/** The numbered path a dated path stands for; other paths unchanged. */
export function toNumberedPath(path: string): string {
  for (const [dated, numbered] of DATED_TO_NUMBERED) {
    const m = dated.exec(path);
    if (m) return numbered + path.slice(m[0].length);
  }
  return path;
}
