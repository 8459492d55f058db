import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { Make } from '@makehq/sdk';
import { OUTPUT_DIR } from './build';

/**
 * `npm run make:deploy [-- --dry-run]`: pushes `make-app/` to the Make app of `makecomapp.json`'s origin, section by
 * section, through `@makehq/sdk` (Make has no "upload the whole app" call: integromat/vscode-apps-sdk, src/local-development/code-pull-deploy.ts and create-remote-component.ts).
 * Order as the Apps Editor deploys: general → connections → RPCs → modules. Components missing on Make are created;
 * connections are matched by label (Make names them). The API key comes from `MAKE_API_KEY` or the origin's
 * git-ignored `apikeyFile` (`.secrets/apikey`). The OAuth client id and secret go into the OAuth connection's common
 * data from `HUBSPOT_CLIENT_ID` / `HUBSPOT_CLIENT_SECRET` when set; they are never in the repository.
 */

type Json = Record<string, unknown>;

interface Manifest {
  generalCodeFiles: Record<'base' | 'common' | 'readme' | 'groups', string | null>;
  components: Record<
    'connection' | 'module' | 'rpc',
    Record<string, Json & { codeFiles: Record<string, string | null> }>
  >;
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

const MODULE_TYPE_IDS: Record<string, number> = { trigger: 1, action: 4, search: 9, universal: 12 };
/** makecomapp.json code names → Make API section names (vsce `component-code-def.ts`). */
const MODULE_SECTIONS: Record<string, string> = {
  communication: 'api',
  epoch: 'epoch',
  staticParams: 'parameters',
  mappableParams: 'expect',
  interface: 'interface',
  samples: 'samples',
  scope: 'scope',
};
const CONNECTION_SECTIONS: Record<string, string> = {
  communication: 'api',
  params: 'parameters',
  scopeList: 'scopes',
  defaultScope: 'scope',
  installSpec: 'installSpec',
  installDirectives: 'install',
};
const RPC_SECTIONS: Record<string, string> = { communication: 'api', params: 'parameters' };

export function readApiKey(dir: string, apikeyFile: string, env: NodeJS.ProcessEnv): string | undefined {
  if (env.MAKE_API_KEY) return env.MAKE_API_KEY.trim();
  const path = isAbsolute(apikeyFile) ? apikeyFile : join(dir, apikeyFile);
  return existsSync(path) ? readFileSync(path, 'utf8').trim() : undefined;
}

/** Pushes the app; answers the calls it made (or, in a dry run, would make). */
export async function deploy(options: DeployOptions = {}): Promise<string[]> {
  const dir = options.dir ?? OUTPUT_DIR;
  const env = options.env ?? process.env;
  const log = options.log ?? console.log;
  const manifest = JSON.parse(readFileSync(join(dir, 'makecomapp.json'), 'utf8')) as Manifest;
  const origin = manifest.origins[0];
  if (!origin) throw new Error('makecomapp.json has no origin to deploy to');
  const { appId, appVersion } = origin;
  const file = (path: string) => readFileSync(join(dir, path), 'utf8');
  const calls: string[] = [];
  const apiKey = options.apiKey ?? readApiKey(dir, origin.apikeyFile, env);
  if (!options.dryRun && !apiKey)
    throw new Error('No Make API key: set MAKE_API_KEY or write it to .secrets/apikey (git-ignored).');
  const make = new Make(apiKey ?? 'dry-run', options.zone ?? new URL(origin.baseUrl).host);
  if (options.protocol) make.protocol = options.protocol;
  const sdk = make.sdk;
  const call = async (description: string, run: () => Promise<unknown>) => {
    calls.push(description);
    log(`${options.dryRun ? '[dry run] ' : ''}${description}`);
    if (!options.dryRun) await run();
  };

  const general = manifest.generalCodeFiles;
  if (general.base)
    await call(`PUT app ${appId} base`, () =>
      sdk.apps.setSection(appId, appVersion, 'base', file(general.base!)),
    );
  if (general.groups)
    await call(`PUT app ${appId} groups`, () =>
      sdk.apps.setSection(appId, appVersion, 'groups', file(general.groups!)),
    );
  if (general.readme)
    await call(`PUT app ${appId} readme`, () => sdk.apps.setDocs(appId, appVersion, file(general.readme!)));

  const remoteConnections = options.dryRun ? [] : await sdk.connections.list(appId);
  const connectionNames = new Map<string, string>();
  for (const [localId, meta] of Object.entries(manifest.components.connection)) {
    let remote = remoteConnections.find((c) => c.label === meta.label)?.name;
    if (!remote) {
      await call(`POST app ${appId} connection "${meta.label}" (${meta.connectionType})`, async () => {
        remote = (
          await sdk.connections.create(appId, {
            type: String(meta.connectionType),
            label: String(meta.label),
          })
        ).name;
      });
    }
    const name = remote ?? `<${localId}>`;
    connectionNames.set(localId, name);
    for (const [code, path] of Object.entries(meta.codeFiles)) {
      const section = CONNECTION_SECTIONS[code];
      if (!path || !section) continue;
      await call(`PUT connection ${name} ${section}`, () =>
        sdk.connections.setSection(name, section as 'api', file(path)),
      );
    }
    if (meta.connectionType === 'oauth' && env.HUBSPOT_CLIENT_ID && env.HUBSPOT_CLIENT_SECRET)
      await call(`PUT connection ${name} common (clientId, clientSecret from the environment)`, () =>
        sdk.connections.setCommon(name, {
          clientId: env.HUBSPOT_CLIENT_ID!,
          clientSecret: env.HUBSPOT_CLIENT_SECRET!,
        }),
      );
  }

  const remoteRpcs = new Set(
    options.dryRun ? [] : (await sdk.rpcs.list(appId, appVersion)).map((r) => r.name),
  );
  for (const [name, meta] of Object.entries(manifest.components.rpc)) {
    if (!remoteRpcs.has(name))
      await call(`POST app ${appId} rpc ${name}`, () =>
        sdk.rpcs.create(appId, appVersion, { name, label: String(meta.label) }),
      );
    for (const [code, path] of Object.entries(meta.codeFiles)) {
      if (path && RPC_SECTIONS[code])
        await call(`PUT rpc ${name} ${RPC_SECTIONS[code]}`, () =>
          sdk.rpcs.setSection(appId, appVersion, name, RPC_SECTIONS[code] as 'api', file(path)),
        );
    }
  }

  const remoteModules = new Set(
    options.dryRun ? [] : (await sdk.modules.list(appId, appVersion)).map((m) => m.name),
  );
  for (const [name, meta] of Object.entries(manifest.components.module)) {
    if (!remoteModules.has(name))
      await call(`POST app ${appId} module ${name} (${meta.moduleType})`, () =>
        sdk.modules.create(appId, appVersion, {
          name,
          typeId: MODULE_TYPE_IDS[String(meta.moduleType)]!,
          label: String(meta.label),
          description: String(meta.description),
          moduleInitMode: 'blank',
        }),
      );
    const connection = connectionNames.get(String(meta.connection));
    const altConnection = connectionNames.get(String(meta.altConnection));
    // The SDK's type names only `connection`; Make's module API also takes `altConnection` (vsce create-remote-component.ts).
    await call(`PATCH module ${name} connection ${connection} altConnection ${altConnection}`, () =>
      sdk.modules.update(appId, appVersion, name, { connection, altConnection } as { connection?: string }),
    );
    for (const [code, path] of Object.entries(meta.codeFiles)) {
      const section = MODULE_SECTIONS[code];
      if (path && section)
        await call(`PUT module ${name} ${section}`, () =>
          sdk.modules.setSection(appId, appVersion, name, section as 'api', file(path)),
        );
    }
  }
  return calls;
}

if (require.main === module) {
  deploy({ dryRun: process.argv.includes('--dry-run') }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
