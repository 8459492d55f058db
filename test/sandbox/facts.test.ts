import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { toDatedPath } from '../../hubspot/apiVersions';
import * as connectorAssociations from '../../hubspot/associationTypes';
import * as connectorLimits from '../../hubspot/limits';
import * as connectorObjects from '../../hubspot/objectTypes';
import * as connectorScopes from '../../hubspot/scopes';
import * as sandboxAssociations from '../../sandbox/facts/associationTypes';
import * as sandboxLimits from '../../sandbox/facts/limits';
import * as sandboxObjects from '../../sandbox/facts/objectTypes';
import { toNumberedPath } from '../../sandbox/facts/pathFamilies';
import * as sandboxScopes from '../../sandbox/facts/scopes';
import { GUIDE_OBJECT_TYPE_IDS, OWN_API_TYPES } from '../support/objectTypeIds';

/**
 * The sandbox and the connector each read HubSpot's documentation on their own, so that a wrong fact is not confirmed
 * by both sides. Here the two readings meet: every difference is a bug in one of them.
 */
describe('the sandbox’s facts and the connector’s facts agree', () => {
  const sorted = <T>(rows: readonly T[], key: (r: T) => string) =>
    [...rows].sort((a, b) => key(a).localeCompare(key(b)));

  it('standard object types: ids, names, scopes, display, query and default properties, time properties', () => {
    const byName = (t: { name: string }) => t.name;
    expect(sorted(sandboxObjects.STANDARD_OBJECT_TYPES, byName)).toEqual(
      sorted(connectorObjects.STANDARD_OBJECT_TYPES, byName),
    );
    for (const key of ['contacts', '0-3', 'ticket', 'line_items', '0-49', 'unknown']) {
      expect(sandboxObjects.findStandardObjectType(key)?.name).toBe(
        connectorObjects.findStandardObjectType(key)?.name,
      );
    }
  });

  it.each([
    ['connector', connectorObjects.STANDARD_OBJECT_TYPES],
    ['sandbox', sandboxObjects.STANDARD_OBJECT_TYPES],
  ])('the %s table has every objectTypeId of the "Using the object APIs" table, and no other', (_, types) => {
    const ids = Object.fromEntries(types.map((t) => [t.name, t.objectTypeId]));
    const expected = Object.fromEntries(
      Object.entries(GUIDE_OBJECT_TYPE_IDS).filter(([name]) => !OWN_API_TYPES.includes(name)),
    );
    expect(ids).toEqual(expected);
  });

  it('association type ids, both directions, with HubSpot’s own labels', () => {
    const key = (t: { from: string; to: string; typeId: number }) => `${t.from}>${t.to}#${t.typeId}`;
    expect(sorted(sandboxAssociations.HUBSPOT_DEFINED_ASSOCIATION_TYPES, key)).toEqual(
      sorted(connectorAssociations.HUBSPOT_DEFINED_ASSOCIATION_TYPES, key),
    );
  });

  it('rate limits of every tier and app type, and the search, batch and paging limits', () => {
    for (const tier of connectorLimits.PORTAL_TIERS) {
      for (const app of connectorLimits.APP_TYPES) {
        expect([tier, app, sandboxLimits.burstLimit(tier, app), sandboxLimits.dailyLimit(tier, app)]).toEqual(
          [tier, app, connectorLimits.burstLimit(tier, app), connectorLimits.dailyLimit(tier, app)],
        );
      }
    }
    expect(sandboxLimits.PORTAL_TIERS).toEqual(connectorLimits.PORTAL_TIERS);
    expect(sandboxLimits.BURST_WINDOW_MS).toBe(connectorLimits.BURST_WINDOW_MS);
    expect(sandboxLimits.SEARCH_REQUESTS_PER_SECOND).toBe(connectorLimits.SEARCH_REQUESTS_PER_SECOND);
    expect(sandboxLimits.SEARCH).toEqual(connectorLimits.SEARCH);
    expect(sandboxLimits.BATCH).toEqual(connectorLimits.BATCH);
    expect(sandboxLimits.PAGING).toEqual(connectorLimits.PAGING);
    expect(sandboxLimits.OAUTH_ACCESS_TOKEN_TTL_S).toBe(connectorLimits.OAUTH_ACCESS_TOKEN_TTL_S);
  });

  it('scopes', () => {
    expect([...sandboxScopes.ALL_SCOPES].sort()).toEqual([...connectorScopes.ALL_SCOPES].sort());
  });

  it('a dated path the connector builds is the numbered path the sandbox serves', () => {
    for (const path of [
      '/crm/v3/objects/contacts/search',
      '/crm/v4/objects/contacts/51/associations/companies',
      '/crm/v4/associations/contacts/companies/batch/read',
      '/crm/v3/properties/deals',
      '/crm/v3/pipelines/tickets',
      '/crm/v3/owners',
      '/crm/v3/lists/12/memberships/join-order',
      '/crm-object-schemas/v3/schemas',
      '/account-info/v3/details',
      '/files/v3/files',
      '/marketing/v3/forms',
      '/oauth/v3/token',
      '/form-integrations/v1/submissions/forms/abc',
    ]) {
      expect(toNumberedPath(toDatedPath(path))).toBe(path);
    }
  });
});

describe('the sandbox’s wall', () => {
  it('no file under sandbox/ imports anything of ours from outside sandbox/', () => {
    const root = resolve(__dirname, '../../sandbox');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const escapes: string[] = [];
    for (const file of files) {
      const source = readFileSync(join(root, file), 'utf8');
      for (const [, spec] of source.matchAll(/from '(\.[^']+)'/g)) {
        const target = relative(root, resolve(dirname(join(root, file)), spec!));
        if (target.startsWith('..')) escapes.push(`${file} → ${spec}`);
      }
    }
    expect(files.length).toBeGreaterThan(50);
    expect(escapes).toEqual([]);
  });
});
