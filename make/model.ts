/** The in-memory Make app the generator builds before writing it in the Apps Editor's local format. */

export type Json = Record<string, unknown>;
/** A parameter object, or `"rpc://name"` (dynamic fields). */
export type MakeParam = Json | string;

export type ModuleType = 'action' | 'search' | 'trigger' | 'universal';

export interface MakeModule {
  name: string;
  label: string;
  description: string;
  moduleType: ModuleType;
  crud?: 'create' | 'read' | 'update' | 'delete';
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

export interface MakeApp {
  base: Json;
  connections: MakeConnection[];
  modules: MakeModule[];
  rpcs: MakeRpc[];
  groups: Array<{ label: string; modules: string[] }>;
  readme: string;
}
