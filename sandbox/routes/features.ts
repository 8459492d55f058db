import { fail } from '../errors';
import { PRODUCT_FEATURES, type ProductFeature } from '../facts/products';
import type { Portal } from '../portal';

/**
 * A portal without the product an endpoint belongs to is refused with a 403 whatever the token's scopes.
 * Message: UNVERIFIED (HubSpot documents the requirement, not the body of the refusal).
 */
export function requireFeature(portal: Portal, feature: ProductFeature): void {
  if (portal.features.has(feature)) return;
  throw fail(
    403,
    `This account does not have access to this API: it requires ${PRODUCT_FEATURES[feature]}.`,
    'FORBIDDEN',
  );
}

/** `{results, paging}` pages over a list, `after` being an offset, as the other sandbox listings do. */
export function page<T>(items: T[], after: number, limit: number, rawPath: string) {
  const next = after + limit;
  return {
    results: items.slice(after, next),
    ...(next < items.length
      ? { paging: { next: { after: String(next), link: `${rawPath}?after=${next}` } } }
      : {}),
  };
}
