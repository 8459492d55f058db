import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Clock } from './clock';
import { APP_TYPES, type AppType, PORTAL_TIERS, type PortalTier } from './facts/limits';
import { ALL_SCOPES } from './facts/scopes';
import { createSandbox, type Sandbox } from './index';
import {
  DataFileError,
  loadPortalState,
  type Persistence,
  persistSandbox,
  readPortalState,
  saveNow,
} from './persistence';
import type { Portal } from './portal';
import { seedPortal } from './seed';
import { type RunningSandbox, serveSandbox } from './serve';

/**
 * `npm run sandbox -- --port 8787 --seed 500 [--tier free|starter|professional|enterprise|api-add-on]
 * [--app-type private|oauth] [--data state.json] [--index-lag ms] [--host 127.0.0.1]`
 *
 * Prints `HUBSPOT_BASE_URL=…` and `HUBSPOT_ACCESS_TOKEN=…` (plus, for OAuth, the refresh token and the app's client
 * id and secret) on stdout once listening, so scripts can `eval` or parse them; hints go to stderr.
 * Exit codes: 2 for a bad flag, 1 for a failure to start (port in use, unreadable data file).
 */

export interface ServerOptions {
  port: number;
  host: string;
  /** How many contacts to seed (companies and deals follow); 0 for an empty portal. Ignored when data is loaded. */
  seed: number;
  /** Default: the tier stored in the data file, else `free`. */
  tier?: PortalTier;
  appType: AppType;
  data?: string;
  indexLagMs: number;
  /** Tests pass a ManualClock. */
  clock?: Clock;
  /** How long persistence waits after a write before saving (ms). */
  saveDebounceMs?: number;
}

export interface Credentials {
  accessToken: string;
  refreshToken?: string;
  clientId?: string;
  clientSecret?: string;
  /** OAuth only: the app's id and the developer API key, for the webhooks v3 management API. */
  appId?: number;
  developerApiKey?: string;
}

export interface StartedServer {
  url: string;
  port: number;
  sandbox: Sandbox;
  server: RunningSandbox;
  credentials: Credentials;
  /** The `KEY=value` lines the CLI prints on stdout. */
  lines: string[];
  /** True when the state came from `--data` rather than from seeding. */
  restored: boolean;
  /** What `--seed` wrote (absent when the state was restored or nothing was seeded). */
  seeded?: { contacts: number; companies: number; deals: number };
  persistence?: Persistence;
  close(): Promise<void>;
}

/** The random seed of the demo data, fixed so every start shows the same records. */
const DEMO_DATA_SEED = 42;
/** Labels the token the launcher prints, so a restart with `--data` prints the same one. */
const LAUNCHER_LABEL = 'cli';
const DEFAULT_PORT = 8787;

export class UsageError extends Error {}

export const USAGE = `usage: npm run sandbox -- [--port <n>] [--seed <contacts>] [--tier ${PORTAL_TIERS.join('|')}]
       [--app-type ${APP_TYPES.join('|')}] [--data <file>] [--index-lag <ms>] [--host <address>]`;

/** Reads the CLI flags; throws UsageError naming the flag and what it accepts. */
export function parseFlags(argv: string[]): ServerOptions {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        seed: { type: 'string' },
        tier: { type: 'string' },
        'app-type': { type: 'string' },
        data: { type: 'string' },
        'index-lag': { type: 'string' },
        host: { type: 'string' },
      },
    }) as { values: Record<string, string | undefined> });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const oneOf = <T extends string>(flag: string, allowed: readonly T[]): T | undefined => {
    const value = values[flag];
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}; got '${value}'.`);
    }
    return value as T;
  };
  const integer = (flag: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number => {
    const value = values[flag];
    if (value === undefined) return fallback;
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > max) {
      throw new UsageError(`--${flag} must be an integer from 0 to ${max}; got '${value}'.`);
    }
    return n;
  };
  if (values.data === '') throw new UsageError('--data needs a file path.');
  if (values.host === '') throw new UsageError('--host needs an address, e.g. 127.0.0.1 or 0.0.0.0.');
  return {
    port: integer('port', DEFAULT_PORT, 65_535),
    host: values.host ?? '127.0.0.1',
    seed: integer('seed', 0, 1_000_000),
    tier: oneOf('tier', PORTAL_TIERS),
    appType: oneOf('app-type', APP_TYPES) ?? 'private',
    data: values.data,
    indexLagMs: integer('index-lag', 0),
  };
}

/** Builds (or restores) the portal, serves it, and returns what the CLI prints. */
export async function startSandboxServer(options: ServerOptions): Promise<StartedServer> {
  const saved = options.data ? readPortalState(options.data) : undefined;
  const sandbox = createSandbox({
    clock: options.clock,
    portalId: saved?.info.portalId,
    timeZone: saved?.info.timeZone,
    tier: options.tier ?? saved?.info.tier ?? 'free',
    searchIndexLagMs: options.indexLagMs,
  });
  let seeded: StartedServer['seeded'];
  if (saved && options.data) loadPortalState(sandbox.portal, saved, options.data);
  else if (options.seed > 0) {
    const result = seedPortal(sandbox.portal, { contacts: options.seed, seed: DEMO_DATA_SEED });
    seeded = {
      contacts: result.contactIds.length,
      companies: result.companyIds.length,
      deals: result.dealIds.length,
    };
  }

  const credentials = launcherCredentials(sandbox.portal, options.appType);
  let persistence: Persistence | undefined;
  if (options.data) {
    saveNow(sandbox, options.data);
    persistence = persistSandbox(sandbox, options.data, {
      debounceMs: options.saveDebounceMs,
      onError: (error) => process.stderr.write(`sandbox: could not save ${options.data}: ${error.message}\n`),
    });
  }

  let server: RunningSandbox;
  try {
    server = await serveSandbox(sandbox, { port: options.port, host: options.host });
  } catch (error) {
    persistence?.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new Error(`--port ${options.port} is already in use; pick another or 0 for any.`);
    throw error;
  }
  const shownHost = ['0.0.0.0', '::', '127.0.0.1', 'localhost'].includes(options.host)
    ? '127.0.0.1'
    : options.host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${server.port}`;
  return {
    url,
    port: server.port,
    sandbox,
    server,
    credentials,
    lines: [
      `HUBSPOT_BASE_URL=${url}`,
      `HUBSPOT_ACCESS_TOKEN=${credentials.accessToken}`,
      ...(credentials.refreshToken
        ? [
            `HUBSPOT_REFRESH_TOKEN=${credentials.refreshToken}`,
            `HUBSPOT_CLIENT_ID=${credentials.clientId}`,
            `HUBSPOT_CLIENT_SECRET=${credentials.clientSecret}`,
            `HUBSPOT_APP_ID=${credentials.appId}`,
            `HUBSPOT_DEVELOPER_API_KEY=${credentials.developerApiKey}`,
          ]
        : []),
    ],
    restored: saved !== undefined,
    seeded,
    persistence,
    close: async () => {
      sandbox.webhooks.close();
      persistence?.close();
      await server.close();
    },
  };
}

/**
 * The token the launcher prints: the one a previous run stored (restart with `--data`), else a new one. An OAuth
 * access token lives 30 minutes, so on restart it is renewed from the stored refresh token, which stays the same.
 */
function launcherCredentials(portal: Portal, appType: AppType): Credentials {
  const { auth } = portal;
  if (appType === 'private') {
    return {
      accessToken:
        auth.labelledPrivateToken(LAUNCHER_LABEL) ?? auth.createPrivateAppToken({ label: LAUNCHER_LABEL }),
    };
  }
  const grant = auth.labelledOAuthGrant(LAUNCHER_LABEL);
  const app = grant?.app ?? auth.registerOAuthApp({ label: LAUNCHER_LABEL });
  const issued = grant
    ? auth.refresh(app, grant.refreshToken)!
    : auth.issueOAuthTokens(app, [...ALL_SCOPES], undefined, LAUNCHER_LABEL);
  return {
    accessToken: issued.accessToken,
    refreshToken: issued.refreshToken,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    appId: app.appId,
    developerApiKey: auth.developerApiKey,
  };
}

function hints(started: StartedServer, options: ServerOptions): string {
  const { portal } = started.sandbox;
  const out = [
    `HubSpot sandbox listening on ${started.url} (pid ${process.pid}, portal ${portal.info.portalId}, ` +
      `tier ${portal.info.tier}, ${options.appType === 'oauth' ? 'OAuth app' : 'private app'} token).`,
    ...(started.seeded ? [seededLine(started.seeded)] : []),
    started.restored
      ? `State restored from ${options.data}; saved there after every change.`
      : options.data
        ? `State is saved to ${options.data} after every change.`
        : 'State lives in memory (use --data <file> to keep it).',
    `Admin API (loopback callers and JSON bodies only): ${started.url}/__sandbox/log, /__sandbox/faults, /__sandbox/settings, /__sandbox/webhooks/deliveries (see sandbox/adminClient.ts).`,
  ];
  if (options.appType === 'oauth') {
    out.push(
      'The access token expires in 30 minutes: refresh it with POST /oauth/v3/token grant_type=refresh_token.',
      'Webhooks: configure them with PUT /webhooks/v3/<HUBSPOT_APP_ID>/settings?hapikey=<HUBSPOT_DEVELOPER_API_KEY>.',
    );
  }
  out.push(
    `Press Ctrl-C to stop (or kill ${process.pid}); it also stops when the process that started it ends.`,
  );
  return `${out.join('\n')}\n`;
}

const seededLine = ({ contacts, companies, deals }: NonNullable<StartedServer['seeded']>) =>
  `Seeded ${contacts} contacts, ${companies} companies and ${deals} deals, with associations, owners and deal stages.`;

/**
 * Stops the server once the process that started it is gone, so no server keeps the port with no one to stop it.
 * `npm run sandbox` starts it through a shell: npm stopped with a signal takes the shell with it, and the server,
 * orphaned, gets a new parent; npm killed outright (SIGKILL) leaves the shell, whose own parent then changes, which
 * Linux shows in `/proc` (elsewhere `sh` usually execs the server, so its parent is npm itself).
 */
function stopWithLauncher(stop: () => void, everyMs = 500): void {
  const parent = process.ppid;
  const grandparent = parentOf(parent);
  setInterval(() => {
    const now = parentOf(parent);
    const shellOrphaned = grandparent !== undefined && now !== undefined && now !== grandparent;
    if (process.ppid !== parent || shellOrphaned) stop();
  }, everyMs).unref();
}

/** A process's parent pid from `/proc/<pid>/stat` (Linux), or undefined where it cannot be read. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces: state, then the parent pid.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/** Runs the sandbox until SIGINT/SIGTERM/SIGHUP or its parent ends; exits 2 on a bad flag, 1 when it cannot start. */
export async function runCli(argv: string[], defaults: string[] = []): Promise<void> {
  let options: ServerOptions;
  try {
    options = parseFlags([...defaults, ...argv]);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`sandbox: ${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  let started: StartedServer;
  try {
    started = await startSandboxServer(options);
  } catch (error) {
    const prefix = error instanceof DataFileError ? '' : 'could not start: ';
    process.stderr.write(`sandbox: ${prefix}${(error as Error).message}\n`);
    process.exit(1);
  }
  process.stdout.write(`${started.lines.join('\n')}\n`);
  process.stderr.write(hints(started, options));
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    started.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.once('SIGHUP', stop);
  stopWithLauncher(stop);
}

if (require.main === module) void runCli(process.argv.slice(2));
