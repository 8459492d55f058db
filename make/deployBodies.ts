/**
 * What Make's Apps Editor sends for a component of `makecomapp.json`, read from integromat/vscode-apps-sdk:
 * `src/local-development/deploy-metadata.ts` (`getApiBodyForComponentMetadataDeploy`: the metadata a create carries
 * and an update PATCHes) and `create-remote-component.ts` (what only a create carries). Connection and webhook
 * references are local ids in the manifest and remote names on Make; `remoteName` translates them.
 */

type Json = Record<string, unknown>;
export type ComponentType = 'connection' | 'webhook' | 'module' | 'rpc';

export interface ComponentMeta {
  label?: string;
  description?: string;
  connectionType?: 'basic' | 'oauth';
  webhookType?: 'web' | 'web-shared';
  moduleType?: string;
  actionCrud?: string | null;
  connection?: string | null;
  altConnection?: string | null;
  webhook?: string | null;
  codeFiles: Record<string, string | null>;
}

/** Module type ids of Make's API (vscode-apps-sdk `src/services/module-types-naming.ts`). */
export const MODULE_TYPE_IDS: Record<string, number> = {
  trigger: 1,
  action: 4,
  search: 9,
  instant_trigger: 10,
  responder: 11,
  universal: 12,
};

/** A reference's remote name: `null` clears it, `undefined` leaves it out of the body. */
export type RemoteName = (
  type: 'connection' | 'webhook',
  localId: string | null | undefined,
) => string | null | undefined;

/** The metadata a create carries and an update PATCHes (`getApiBodyForComponentMetadataDeploy`). */
export function metadataBody(type: ComponentType, meta: ComponentMeta, remoteName: RemoteName): Json {
  const body: Json = {};
  if (meta.label) body.label = meta.label;
  if (type === 'module' && meta.description) body.description = meta.description;
  if (type === 'module' && meta.moduleType) {
    const typeId = MODULE_TYPE_IDS[meta.moduleType];
    if (typeId === undefined) throw new Error(`Unknown module type "${meta.moduleType}" in makecomapp.json`);
    body.typeId = typeId;
  }
  if (type === 'module' && meta.moduleType === 'action' && meta.actionCrud !== undefined)
    body.crud = meta.actionCrud;
  if (type === 'module' && meta.moduleType === 'instant_trigger')
    body.webhook = remoteName('webhook', meta.webhook);
  if (type !== 'connection') {
    body.connection = remoteName('connection', meta.connection);
    body.altConnection = remoteName('connection', meta.altConnection);
  }
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

/** The whole body of a create: the metadata plus what cannot change afterwards (`createRemoteAppComponent`). */
export function createBody(
  type: ComponentType,
  name: string,
  meta: ComponentMeta,
  remoteName: RemoteName,
): Json {
  const label = meta.label ?? name;
  const body = metadataBody(type, meta, remoteName);
  switch (type) {
    case 'connection':
      if (!meta.connectionType)
        throw new Error(`Connection "${label}" has no connectionType in makecomapp.json`);
      return { ...body, type: meta.connectionType };
    case 'webhook':
      if (!meta.webhookType) throw new Error(`Webhook "${label}" has no webhookType in makecomapp.json`);
      return { ...body, type: meta.webhookType };
    case 'rpc':
      return { ...body, name };
    case 'module':
      if (meta.moduleType === 'instant_trigger' && !meta.webhook)
        throw new Error(`Instant trigger "${label}" names no webhook in makecomapp.json; Make requires one`);
      return {
        ...body,
        // The API requires a subtype for a universal module; the extension always sends 'Universal' (the REST
        // template; 'UniversalGraphQL' is the other). The sections deployed next replace the template's code.
        ...(meta.moduleType === 'universal' ? { subtype: 'Universal' } : {}),
        moduleInitMode: 'blank',
        name,
      };
  }
}
