import type { Json, MakeApp } from './model';
import { kebabCase } from './naming';

/**
 * The Make Apps Editor's local-development layout (integromat/vscode-apps-sdk, README-local-development-for-apps.md and src/local-development/makecomapp.types.ts): `makecomapp.json`
 * naming every code file, `<type>s/<kebab-name>/<kebab-name>.<code>.iml.json`. Connection common data stays `null`:
 * the OAuth client secret is set on Make (see `deploy.ts`), never written here. App common data holds the relay's
 * address key, empty: `deploy.ts` fills it from `RELAY_URL`.
 */

export const APP_ID = 'hubspot-bridge';
export const MAKE_ORIGIN = {
  label: 'Make',
  baseUrl: 'https://eu1.make.com/api',
  appId: APP_ID,
  appVersion: 1,
  apikeyFile: '../.secrets/apikey',
};

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function appFiles(app: MakeApp): Map<string, string> {
  const files = new Map<string, string>();
  const put = (path: string, value: unknown) => {
    files.set(path, typeof value === 'string' ? value : json(value));
    return path;
  };
  const codeFile = (type: string, name: string, code: string, value: unknown) =>
    put(`${type}s/${kebabCase(name)}/${kebabCase(name)}.${code}.iml.json`, value);

  const connection: Record<string, Json> = {};
  for (const c of app.connections) {
    const codeFiles: Json = {
      communication: codeFile(
        'connection',
        c.name,
        c.type === 'oauth' ? 'oauth-communication' : 'communication',
        c.communication,
      ),
      params: codeFile('connection', c.name, 'params', c.params),
      common: null,
    };
    if (c.type === 'oauth') {
      codeFiles.scopeList = codeFile('connection', c.name, 'scope-list', c.scopeList ?? {});
      codeFiles.defaultScope = codeFile('connection', c.name, 'default-scope', c.defaultScope ?? []);
      codeFiles.installSpec = null;
      codeFiles.installDirectives = null;
    }
    connection[c.name] = {
      label: c.label,
      connectionType: c.type === 'oauth' ? 'oauth' : 'basic',
      codeFiles,
    };
  }
  const [oauth, alternative] = app.connections.map((c) => c.name);

  // Webhook code files as the extension names them (src/services/component-code-def.ts).
  const webhook: Record<string, Json> = {};
  for (const w of app.webhooks ?? []) {
    const optional = (code: string, value: unknown) =>
      value === undefined ? null : codeFile('webhook', w.name, code, value);
    webhook[w.name] = {
      label: w.label,
      webhookType: w.type,
      connection: oauth,
      altConnection: alternative,
      codeFiles: {
        communication: codeFile('webhook', w.name, 'communication', w.communication),
        params: codeFile('webhook', w.name, 'params', w.params),
        attach: optional('attach', w.attach),
        detach: optional('detach', w.detach),
        update: optional('update', w.update),
        requiredScope: optional('required-scope', w.requiredScope),
      },
    };
  }

  const module: Record<string, Json> = {};
  for (const m of app.modules) {
    const codeFiles: Json = {
      communication: codeFile('module', m.name, 'communication', m.communication),
      staticParams: codeFile('module', m.name, 'static-params', m.staticParams),
      mappableParams: codeFile('module', m.name, 'mappable-params', m.mappableParams),
      interface: codeFile('module', m.name, 'interface', m.interface),
      samples: codeFile('module', m.name, 'samples', m.samples),
      scope: codeFile('module', m.name, 'scope', m.scope),
    };
    if (m.epoch) codeFiles.epoch = codeFile('module', m.name, 'epoch', m.epoch);
    module[m.name] = {
      label: m.label,
      description: m.description,
      moduleType: m.moduleType,
      ...(m.moduleType === 'action' ? { actionCrud: m.crud ?? null } : {}),
      ...(m.webhook ? { webhook: m.webhook } : {}),
      connection: oauth,
      altConnection: alternative,
      codeFiles,
    };
  }

  const rpc: Record<string, Json> = {};
  for (const r of app.rpcs) {
    rpc[r.name] = {
      label: r.label,
      connection: oauth,
      altConnection: alternative,
      codeFiles: {
        communication: codeFile('rpc', r.name, 'communication', r.communication),
        params: codeFile('rpc', r.name, 'params', r.params),
      },
    };
  }

  put('general/base.iml.json', app.base);
  if (app.common) put('general/common.json', app.common);
  put('modules/groups.json', app.groups);
  put('README.md', app.readme);
  put('makecomapp.json', {
    fileVersion: 1,
    generalCodeFiles: {
      base: 'general/base.iml.json',
      common: app.common ? 'general/common.json' : null,
      readme: 'README.md',
      groups: 'modules/groups.json',
    },
    components: { connection, webhook, module, rpc, function: {}, endpoint: {} },
    origins: [MAKE_ORIGIN],
  });
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}
