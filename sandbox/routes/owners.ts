import { fail, validationError } from '../errors';
import { PAGING } from '../facts/limits';
import { json } from '../http';
import type { Router } from '../router';
import type { StoredOwner } from '../state/owners';

/** Owners v3. https://developers.hubspot.com/docs/api/crm/owners (scope crm.objects.owners.read) */
export function ownerRoutes(router: Router): void {
  const options = { scopes: () => ['crm.objects.owners.read'] };

  router.get('/crm/v3/owners', options, (req, portal) => {
    const email = req.query.get('email');
    const limit = req.query.int('limit', { fallback: 100, min: 1, max: PAGING.maxOwnersLimit });
    const after = req.query.int('after', { fallback: 0, min: 0 });
    const matching = portal.owners
      .list({ archived: req.query.bool('archived') })
      .filter((o) => email === undefined || o.email.toLowerCase() === email.toLowerCase());
    const page = matching.slice(after, after + limit);
    const next = after + limit;
    return json(200, {
      results: page.map(ownerView),
      ...(next < matching.length
        ? { paging: { next: { after: String(next), link: `${req.rawPath}?after=${next}` } } }
        : {}),
    });
  });

  router.get('/crm/v3/owners/:ownerId', options, (req, portal) => {
    const idProperty = req.query.get('idProperty') ?? 'id';
    if (idProperty !== 'id' && idProperty !== 'userId') {
      throw validationError(
        `Invalid value '${idProperty}' for query parameter idProperty: expected id or userId.`,
      );
    }
    const owner = portal.owners.find(req.params.ownerId!, idProperty, req.query.bool('archived'));
    // Message: UNVERIFIED.
    if (!owner) throw fail(404, `Owner ${req.params.ownerId} does not exist.`, 'OBJECT_NOT_FOUND');
    return json(200, ownerView(owner));
  });
}

function ownerView(owner: StoredOwner) {
  return {
    id: owner.id,
    email: owner.email,
    type: owner.type,
    firstName: owner.firstName,
    lastName: owner.lastName,
    userId: owner.userId,
    userIdIncludingInactive: owner.userIdIncludingInactive,
    createdAt: new Date(owner.createdAt).toISOString(),
    updatedAt: new Date(owner.updatedAt).toISOString(),
    archived: owner.archived,
    teams: owner.teams,
  };
}
