import type { ObjectTypeDef } from '../hubspot/objectTypes';
import type { PathArg, RequestSpec } from './request';

/**
 * The endpoints of declared requests, for `calls.endpoints` (the README table): each request's method and path, with
 * the step's values as `{placeholders}` (`{record_id}`), and the object type as the operation shows it (`contacts`,
 * or `{object_type}` when the step chooses it).
 */
export function declaredEndpoints(
  requests: readonly RequestSpec[],
  type: Pick<ObjectTypeDef, 'name'>,
): string[] {
  const placeholder = (arg: PathArg): string => {
    if (typeof arg === 'string') return arg;
    return arg.$ === 'objectType' ? type.name : `{${arg.key}}`;
  };
  return [...new Set(requests.map((r) => `${r.method} ${r.path.build(...r.path.args.map(placeholder))}`))];
}
