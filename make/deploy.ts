import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { Make } from '@makehq/sdk';
import { OUTPUT_DIR } from './build';
import {
  type ComponentMeta,
  type ComponentType,
  createBody,
  metadataBody,
  type RemoteName,
} from './deployBodies';
import { RELAY_COMMON_KEY } from './webhooks';

/**
 * `npm run make:deploy [-- --dry-run]`: pushes `make-app/` to the Make app of `makecomapp.json`'s origin the way
 * Make's Apps Editor deploys a local project (integromat/vscode-apps-sdk, src/local-development/deploy.ts,
 * create-remote-component.ts, deploy-metadata.ts, code-pull-deploy.ts, helpers/api-url.ts), through `@makehq/sdk`,
 * whose routes are the extension's. Components missing on Make are created with their metadata (`deployBodies.ts`:
 * connection references, module type, `crud`, `subtype`, webhook), existing ones get that metadata PATCHed, then each
 * code file goes to its section. Connections and webhooks come first, since RPCs and modules refer to them; groups
 * last, since they list modules (the extension's own TODO in deploy.ts). Make names connections and webhooks itself,
 * so they are matched by label. The API key comes from `MAKE_API_KEY` or the origin's git-ignored `apikeyFile`; the
 * OAuth client id and secret from `HUBSPOT_CLIENT_ID` / `HUBSPOT_CLIENT_SECRET`, never from the repository.
 */

interface Manifest {
  generalCodeFiles: Record<'base' | 'common' | 'readme' | 'groups', string | null>;
  components: Partial<Record<ComponentType, Record<string, ComponentMeta | null>>>;
  origins: Array<{ baseUrl: string; appId: string; appVersion: number; apikeyFile: string }>;
}

export interface DeployOptions {
  dir?: string;
  dryRun?: boolean;
  apiKey?: string;
  /** Overrides the origin's zone (`eu1.make.com`), e.g. a local stand-in `127.0.0.1:4000`. */
  zone?: string;
  protocol?: 'http' | 'https';
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

/** makecomapp.json code names → Make API section names (vscode-apps-sdk src/services/component-code-def.ts). */
const SECTIONS: Record<ComponentType, Record<string, string>> = {
  connection: {
    communication: 'api',
    params: 'parameters',
    scopeList: 'scopes',
    defaultScope: 'scope',
    installSpec: 'installSpec',
    installDirectives: 'install',
  },
  webhook: {
    communication: 'api',
    params: 'parameters',
    attach: 'attach',
    detach: 'detach',
    update: 'update',
    requiredScope: 'scope',
  },
  rpc: { communication: 'api', params: 'parameters' },
  module: {
    communication: 'api',
    epoch: 'epoch',
    staticParams: 'parameters',
    mappableParams: 'expect',
    interface: 'interface',
    samples: 'samples',
    scope: 'scope',
  },
};

/** Referenced components first (the extension's creation order, align-components-mapping.ts). */
const ORDER: ComponentType[] = ['connection', 'webhook', 'rpc', 'module'];
/** Make names these itself on creation; the others take the manifest's id. */
const NAMED_BY_MAKE = new Set<ComponentType>(['connection', 'webhook']);
const CREDENTIALS = { clientId: 'HUBSPOT_CLIENT_ID', clientSecret: 'HUBSPOT_CLIENT_SECRET' } as const;

export function readApiKey(dir: string, apikeyFile: string, env: NodeJS.ProcessEnv): string | undefined {
  if (env.MAKE_API_KEY) return env.MAKE_API_KEY.trim();
  const path = isAbsolute(apikeyFile) ? apikeyFile : join(dir, apikeyFile);
  return existsSync(path) ? readFileSync(path, 'utf8').trim() : undefined;
}

/** The environment variables an OAuth connection of the manifest needs and the environment lacks. */
function missingCredentials(manifest: Manifest, env: NodeJS.ProcessEnv): string[] {
  const oauth = Object.values(manifest.components.connection ?? {}).some(
    (c) => c?.connectionType === 'oauth',
  );
  return oauth ? Object.values(CREDENTIALS).filter((name) => !env[name]?.trim()) : [];
}

/** Whether the app's common data holds the relay's address key, and the value `RELAY_URL` gives it. */
function relayUrlFor(dir: string, manifest: Manifest, env: NodeJS.ProcessEnv) {
  const path = manifest.generalCodeFiles.common;
  const common = path ? (JSON.parse(readFileSync(join(dir, path), 'utf8')) as Record<string, unknown>) : {};
  const used = RELAY_COMMON_KEY in common;
  const value = env.RELAY_URL?.trim().replace(/\/+$/, '');
  return { used, value, missing: used && !value };
}

/** Pushes the app; answers the calls it made (or, in a dry run, would make), each with the fields it sets. */
export async function deploy(options: DeployOptions = {}): Promise<string[]> {
  const dir = options.dir ?? OUTPUT_DIR;
  const env = options.env ?? process.env;
  const log = options.log ?? console.log;
  const dryRun = Boolean(options.dryRun);
  const manifest = JSON.parse(readFileSync(join(dir, 'makecomapp.json'), 'utf8')) as Manifest;
  const origin = manifest.origins[0];
  if (!origin) throw new Error('makecomapp.json has no origin to deploy to');
  const { appId, appVersion } = origin;
  const apiKey = options.apiKey ?? readApiKey(dir, origin.apikeyFile, env);
  if (!dryRun && !apiKey)
    throw new Error('No Make API key: set MAKE_API_KEY or write it to .secrets/apikey (git-ignored).');
  const missing = missingCredentials(manifest, env);
  if (missing.length > 0 && !dryRun)
    throw new Error(
      `The OAuth connection needs the HubSpot app's client id and secret, which Make stores in the connection's ` +
        `common data: set ${missing.join(' and ')} (HubSpot developer account → your app → Auth). ` +
        'Nothing was sent to Make; `--dry-run` lists the calls without them.',
    );
  const relay = relayUrlFor(dir, manifest, env);
  if (relay.missing && !dryRun)
    throw new Error(
      'The instant triggers subscribe through the events relay, whose address the app keeps in its common data: ' +
        'set RELAY_URL (https://…). Nothing was sent to Make; `--dry-run` lists the calls without it.',
    );
  if (dryRun) {
    log(
      '[dry run] nothing is sent; Make is assumed to have none of these components yet, so each is created.',
    );
    if (relay.missing) log('[dry run] RELAY_URL missing: a real deploy stops before any call.');
    if (missing.length > 0)
      log(`[dry run] ${missing.join(' and ')} missing: a real deploy stops before any call.`);
  }

  const make = new Make(apiKey ?? 'dry-run', options.zone ?? new URL(origin.baseUrl).host);
  if (options.protocol) make.protocol = options.protocol;
  const sdk = make.sdk;
  const file = (path: string) => readFileSync(join(dir, path), 'utf8');
  const calls: string[] = [];
  const send = async <T>(line: string, run: () => Promise<T>): Promise<T | undefined> => {
    calls.push(line);
    log(dryRun ? `[dry run] ${line}` : line);
    return dryRun ? undefined : run();
  };

  // Routes as the SDK and the extension build them (helpers/api-url.ts): connections and webhooks are not versioned.
  const appRoute = `/sdk/apps/${appId}/${appVersion}`;
  const route = (type: ComponentType, name?: string) =>
    NAMED_BY_MAKE.has(type)
      ? name
        ? `/sdk/apps/${type}s/${name}`
        : `/sdk/apps/${appId}/${type}s`
      : `${appRoute}/${type}s${name ? `/${name}` : ''}`;

  type Remote = {
    list(): Promise<Array<{ name: string; label?: string }>>;
    create(body: object): Promise<{ name?: string }>;
    update(name: string, body: object): Promise<unknown>;
    setSection(name: string, section: string, content: string): Promise<unknown>;
  };
  // The SDK's body and section types lag the API (no `crud`, `subtype`, `webhook`, webhook `update`): the bodies are
  // the extension's, so they are passed as they are.
  const remotes: Record<ComponentType, Remote> = {
    connection: {
      list: () => sdk.connections.list(appId),
      create: (body) => sdk.connections.create(appId, body as never),
      update: (name, body) => sdk.connections.update(name, body as never),
      setSection: (name, section, content) => sdk.connections.setSection(name, section as never, content),
    },
    webhook: {
      list: () => sdk.webhooks.list(appId),
      // Make answers the created webhook with its name (create-remote-component.ts), which the SDK's type omits.
      create: (body) => sdk.webhooks.create(appId, body as never) as Promise<{ name?: string }>,
      update: (name, body) => sdk.webhooks.update(name, body as never),
      setSection: (name, section, content) => sdk.webhooks.setSection(name, section as never, content),
    },
    rpc: {
      list: () => sdk.rpcs.list(appId, appVersion),
      create: (body) => sdk.rpcs.create(appId, appVersion, body as never),
      update: (name, body) => sdk.rpcs.update(appId, appVersion, name, body as never),
      setSection: (name, section, content) =>
        sdk.rpcs.setSection(appId, appVersion, name, section as never, content),
    },
    module: {
      list: () => sdk.modules.list(appId, appVersion),
      create: (body) => sdk.modules.create(appId, appVersion, body as never),
      update: (name, body) => sdk.modules.update(appId, appVersion, name, body as never),
      setSection: (name, section, content) =>
        sdk.modules.setSection(appId, appVersion, name, section as never, content),
    },
  };

  const names: Record<'connection' | 'webhook', Map<string, string>> = {
    connection: new Map(),
    webhook: new Map(),
  };
  const remoteName: RemoteName = (type, localId) => {
    if (localId === null || localId === undefined) return localId;
    const name = names[type].get(localId);
    if (!name) throw new Error(`makecomapp.json refers to ${type} "${localId}", which it does not define`);
    return name;
  };

  const general = manifest.generalCodeFiles;
  if (general.base)
    await send(`PUT ${appRoute}/base < ${general.base}`, () =>
      sdk.apps.setSection(appId, appVersion, 'base', file(general.base!)),
    );
  if (general.common) {
    // The relay's address is the publisher's, from the environment (as `zapier-platform env:set` on Zapier), and is
    // shown by variable name only.
    const common = JSON.parse(file(general.common)) as Parameters<typeof sdk.apps.setCommon>[2];
    const shown = relay.used
      ? ` ${JSON.stringify({ ...common, [RELAY_COMMON_KEY]: relay.missing ? '<missing RELAY_URL>' : '<RELAY_URL>' })}`
      : '';
    await send(`PUT ${appRoute}/common < ${general.common}${shown}`, () =>
      sdk.apps.setCommon(
        appId,
        appVersion,
        relay.used ? { ...common, [RELAY_COMMON_KEY]: relay.value } : common,
      ),
    );
  }
  if (general.readme)
    await send(`PUT ${appRoute}/readme < ${general.readme}`, () =>
      sdk.apps.setDocs(appId, appVersion, file(general.readme!)),
    );

  for (const type of ORDER) {
    const components = Object.entries(manifest.components[type] ?? {}).filter(
      (entry): entry is [string, ComponentMeta] => entry[1] !== null,
    );
    if (components.length === 0) continue;
    const remote = remotes[type];
    const existing = (await send(`GET ${route(type)}`, () => remote.list())) ?? [];
    for (const [localId, meta] of components) {
      const found = existing.find((c) =>
        NAMED_BY_MAKE.has(type) ? c.label === meta.label : c.name === localId,
      );
      let name: string;
      if (found) {
        name = found.name;
        // A connection's only metadata is its label, which is how it was found.
        if (type !== 'connection') {
          const body = metadataBody(type, meta, remoteName);
          await send(`PATCH ${route(type, name)} ${JSON.stringify(body)}`, () => remote.update(name, body));
        }
      } else {
        const body = createBody(type, localId, meta, remoteName);
        const created = await send(`POST ${route(type)} ${JSON.stringify(body)}`, () => remote.create(body));
        name = NAMED_BY_MAKE.has(type) ? (created?.name ?? `<${localId}>`) : localId;
      }
      if (type === 'connection' || type === 'webhook') names[type].set(localId, name);
      for (const [code, path] of Object.entries(meta.codeFiles)) {
        const section = SECTIONS[type][code];
        if (path && section)
          await send(`PUT ${route(type, name)}/${section} < ${path}`, () =>
            remote.setSection(name, section, file(path)),
          );
      }
      if (type === 'connection' && meta.connectionType === 'oauth') {
        // Logged by variable name only: the values are secrets.
        const shown = Object.fromEntries(
          Object.entries(CREDENTIALS).map(([key, variable]) => [
            key,
            env[variable]?.trim() ? `<${variable}>` : `<missing ${variable}>`,
          ]),
        );
        await send(`PUT ${route(type, name)}/common ${JSON.stringify(shown)}`, () =>
          sdk.connections.setCommon(name, {
            clientId: env[CREDENTIALS.clientId]!.trim(),
            clientSecret: env[CREDENTIALS.clientSecret]!.trim(),
          }),
        );
      }
    }
  }

  if (general.groups)
    await send(`PUT ${appRoute}/groups < ${general.groups}`, () =>
      sdk.apps.setSection(appId, appVersion, 'groups', file(general.groups!)),
    );
  return calls;
}

if (require.main === module) {
  deploy({ dryRun: process.argv.includes('--dry-run') }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
