/** The in-memory Make app the generator builds before writing it in the Apps Editor's local format. */

export type Json = Record<string, unknown>;
/** A parameter object, or `"rpc://name"` (dynamic fields). */
export type MakeParam = Json | string;

/** Make's module types (vscode-apps-sdk `src/services/module-types-naming.ts`); an instant trigger names its webhook. */
export type ModuleType = 'action' | 'search' | 'trigger' | 'universal' | 'instant_trigger';

export interface MakeModule {
  name: string;
  label: string;
  description: string;
  moduleType: ModuleType;
  crud?: 'create' | 'read' | 'update' | 'delete';
  /** The webhook (its `MakeWebhook.name`) an instant trigger listens on. */
  webhook?: string;
  communication: Json | Json[];
  epoch?: Json;
  staticParams: MakeParam[];
  mappableParams: MakeParam[];
  interface: MakeParam[];
  samples: Json;
  scope: string[];
  /** The groups.json label the module is listed under. */
  group: string;
  /** The shared operation this module renders, when it renders one. */
  operationKey?: string;
  /** Parameters Make needs that the Zapier operation has no field for (e.g. `limit`), for the parity test. */
  makeOnlyParams?: string[];
  /** Zapier fields the Make module leaves out, with the reason, for the parity test. */
  zapierOnlyParams?: Record<string, string>;
}

export interface MakeRpc {
  name: string;
  label: string;
  communication: Json;
  params: MakeParam[];
}

export interface MakeConnection {
  name: string;
  label: string;
  type: 'oauth' | 'basic';
  communication: Json;
  params: MakeParam[];
  scopeList?: Record<string, string>;
  defaultScope?: string[];
}

/**
 * A webhook component, for instant triggers (https://developers.make.com/custom-apps-documentation/app-components/webhooks):
 * `web` is dedicated (one URL per scenario, `attach`/`detach` register it), `web-shared` receives every account's
 * events on one URL and routes them by the connection's `uid`.
 */
export interface MakeWebhook {
  name: string;
  label: string;
  type: 'web' | 'web-shared';
  communication: Json;
  params: MakeParam[];
  attach?: Json;
  detach?: Json;
  update?: Json;
  requiredScope?: string[];
}

export interface MakeApp {
  base: Json;
  /** App-level common data (`{{common.…}}`), the same for every user and never shown to them. */
  common?: Json;
  connections: MakeConnection[];
  modules: MakeModule[];
  rpcs: MakeRpc[];
  webhooks?: MakeWebhook[];
  groups: Array<{ label: string; modules: string[] }>;
  readme: string;
}
