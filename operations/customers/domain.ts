import { FieldValidationError } from '../../hubspot/coerce';

/**
 * A company domain as HubSpot's `domain` property holds it ("hubspot.com": https://developers.hubspot.com/docs/api/crm/companies):
 * lower case, without a scheme, path, port or trailing dot, so "https://Example.com/contact" finds the company
 * "example.com". `www.` is kept: a portal may hold it, and CRM search matches the whole value.
 */
export function normalizeDomain(raw: string, field: { key: string; label: string }): string {
  const domain = raw
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#:].*$/, '')
    .replace(/\.$/, '');
  if (!/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(domain))
    throw new FieldValidationError(
      field.key,
      field.label,
      `"${raw}" is not a domain name: give one like example.com (a web address works too).`,
    );
  return domain;
}
