import { json } from '../http';
import { shapeRecord } from '../objects/read';
import type { Router } from '../router';
import { parseSearchRequest, runSearch } from '../search';

/**
 * `POST /crm/v3/objects/{objectType}/search` (and its date-versioned twin, rewritten by the pipeline).
 * Results are shaped like the objects API's (`shapeRecord`), from the version the index sees, without associations.
 * Counts against the 5-per-second search lane, whose answers carry no rate-limit headers.
 * https://developers.hubspot.com/docs/api/crm/search
 */
export function searchRoutes(router: Router): void {
  router.post(
    '/crm/v3/objects/:objectType/search',
    {
      lane: 'search',
      scopes: (req, portal) => portal.objectTypes.resolve(req.params.objectType!).readScopes,
    },
    (req, portal) => {
      const type = portal.objectTypes.resolve(req.params.objectType!);
      const request = parseSearchRequest(req.body);
      const outcome = runSearch(portal, type, request);
      return json(200, {
        total: outcome.total,
        results: outcome.records.map((r) => shapeRecord(portal, type, r, { properties: request.properties })),
        ...(outcome.nextAfter === undefined
          ? {}
          : { paging: { next: { after: String(outcome.nextAfter) } } }),
      });
    },
  );
}
