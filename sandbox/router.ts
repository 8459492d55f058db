import type { SandboxRequest, SandboxResponse } from './http';
import type { Portal } from './portal';

/**
 * A small router over legacy-family paths. Each route says who may call it (`auth`), which scopes it needs (any one
 * of them), and which rate-limit lane it counts against.
 */

export type Lane = 'burst' | 'search' | 'none';

export interface RouteOptions {
  /**
   * `bearer` (default): a valid token is required. `app`: an app token of the client-credentials grant (webhooks
   * journal). `developer`: the developer API key in `?hapikey=` (webhooks management). `none`: OAuth endpoints,
   * sandbox admin, pre-signed journal files.
   */
  auth?: 'bearer' | 'app' | 'developer' | 'none';
  /** Any one of these scopes grants access; computed from the request (e.g. per object type). */
  scopes?: (req: SandboxRequest, portal: Portal) => readonly string[];
  /** `burst` (default) counts toward the 10-second and daily limits, `search` toward the per-second search limit. */
  lane?: Lane;
}

export type Handler = (req: SandboxRequest, portal: Portal) => SandboxResponse | Promise<SandboxResponse>;

export interface Route extends Required<Pick<RouteOptions, 'auth' | 'lane'>> {
  method: string;
  pattern: string;
  segments: string[];
  scopes?: RouteOptions['scopes'];
  handler: Handler;
}

export type Match =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'wrong-method' }
  | { kind: 'none' };

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, options: RouteOptions, handler: Handler): void {
    this.routes.push({
      method,
      pattern,
      segments: pattern.split('/').filter(Boolean),
      auth: options.auth ?? 'bearer',
      lane: options.lane ?? 'burst',
      scopes: options.scopes,
      handler,
    });
  }

  get(pattern: string, options: RouteOptions, handler: Handler) {
    this.add('GET', pattern, options, handler);
  }
  post(pattern: string, options: RouteOptions, handler: Handler) {
    this.add('POST', pattern, options, handler);
  }
  put(pattern: string, options: RouteOptions, handler: Handler) {
    this.add('PUT', pattern, options, handler);
  }
  patch(pattern: string, options: RouteOptions, handler: Handler) {
    this.add('PATCH', pattern, options, handler);
  }
  delete(pattern: string, options: RouteOptions, handler: Handler) {
    this.add('DELETE', pattern, options, handler);
  }

  /** Literal segments win over parameters, so `/objects/contacts/search` is not read as an id. */
  match(method: string, path: string): Match {
    const parts = path.split('/').filter(Boolean);
    let best: { route: Route; params: Record<string, string>; score: number } | undefined;
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const score = route.segments.filter((s) => !s.startsWith(':')).length;
      if (!best || score > best.score) best = { route, params, score };
    }
    if (best) return { kind: 'found', route: best.route, params: best.params };
    return pathMatched ? { kind: 'wrong-method' } : { kind: 'none' };
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const part = parts[i]!;
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(part);
      } catch {
        return undefined;
      }
    } else if (p !== part) return undefined;
  }
  return params;
}
