import { validationError } from './errors';

/**
 * Request and response shapes handlers see. Handlers never touch Node's http objects, so the same handler runs
 * in-process (`sandbox.handle`) and behind the server.
 */

export interface AuthContext {
  /** The token as sent, for logs keyed by token. */
  token: string;
  /** `app`: the client-credentials grant's token, for the webhooks journal only. */
  kind: 'private' | 'oauth' | 'app';
  appId: number;
  scopes: ReadonlySet<string>;
  userId: number;
  user: string;
}

export interface SandboxRequest {
  method: string;
  /** The path as sent (date-versioned or legacy). */
  rawPath: string;
  /** The path in the legacy family (`/crm/v3/...`), which routes match. */
  path: string;
  query: Query;
  headers: Record<string, string>;
  /** Parsed JSON, parsed form fields, or undefined when there was no body. */
  body: unknown;
  rawBody: Buffer;
  params: Record<string, string>;
  auth?: AuthContext;
}

export interface SandboxResponse {
  status: number;
  /** Serialised as JSON unless `raw` is set. Absent for 204. */
  body?: unknown;
  raw?: string | Buffer;
  headers?: Record<string, string>;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): SandboxResponse => ({
  status,
  body,
  headers,
});

export const noContent = (): SandboxResponse => ({ status: 204 });

/** Query-string access the HubSpot way: arrays come repeated (`?p=a&p=b`) or comma-separated (`?p=a,b`). */
export class Query {
  constructor(private readonly params: URLSearchParams) {}

  get(name: string): string | undefined {
    return this.params.get(name) ?? undefined;
  }

  has(name: string): boolean {
    return this.params.has(name);
  }

  list(name: string): string[] {
    return this.params
      .getAll(name)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '');
  }

  bool(name: string, fallback = false): boolean {
    const value = this.get(name);
    if (value === undefined || value === '') return fallback;
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw validationError(`Invalid value '${value}' for query parameter ${name}: expected true or false.`);
  }

  int(name: string, options: { fallback: number; min?: number; max?: number }): number {
    const value = this.get(name);
    if (value === undefined || value === '') return options.fallback;
    const n = Number(value);
    if (!Number.isInteger(n)) {
      throw validationError(`Invalid value '${value}' for query parameter ${name}: expected an integer.`);
    }
    if (options.min !== undefined && n < options.min) {
      throw validationError(`${name} must be at least ${options.min}, got ${n}.`);
    }
    if (options.max !== undefined && n > options.max) {
      throw validationError(`${name} must be at most ${options.max}, got ${n}.`);
    }
    return n;
  }
}

/** Reads a JSON object body, answering HubSpot's 400 when it is missing or of the wrong shape. */
export function objectBody(req: SandboxRequest): Record<string, unknown> {
  const body = req.body;
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw validationError('Invalid input JSON: expected a JSON object as the request body.');
  }
  return body as Record<string, unknown>;
}

/** Reads a JSON array body (lists memberships take a bare array of ids). */
export function arrayBody(req: SandboxRequest): unknown[] {
  if (!Array.isArray(req.body))
    throw validationError('Invalid input JSON: expected a JSON array as the request body.');
  return req.body;
}
