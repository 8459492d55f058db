import { DEFAULT_FORMS_BASE_URL } from '../../hubspot/config';
import { generateMakeApp } from '../../make/app';
import { AUTHORIZE_URL } from '../../make/connections';
import { render } from '../../make/iml/evaluate';
import { expandInterface } from '../../make/iml/interface';
import {
  applyTrigger,
  deepMerge,
  type Json,
  MakeError,
  runCommunication,
  type TriggerState,
} from '../../make/iml/run';
import {
  type IncomingRequest,
  runAttach,
  runDetach,
  runInstantTrigger,
  runWebhook,
} from '../../make/iml/webhook';
import type { MakeApp, MakeModule, MakeWebhook } from '../../make/model';
import { HUBSPOT_API } from '../../make/objectRef';
import type { Sandbox } from '../../sandbox';

/**
 * Runs the generated Make app's IML against a sandbox, the way Make's engine would: modules with the Base, RPCs,
 * epochs, polling triggers with their state, and the connections' own communication.
 */
export class MakeRunner {
  readonly app: MakeApp = generateMakeApp().app;
  requests: Array<{ method: string; url: string; body?: unknown }> = [];
  now: () => Date = () => new Date();

  constructor(
    private readonly sandboxUrl: string,
    public connection: Json,
  ) {}

  private get options() {
    return {
      base: this.app.base,
      now: this.now,
      rewriteUrl: (url: string) =>
        url
          .replace(HUBSPOT_API, this.sandboxUrl)
          .replace(DEFAULT_FORMS_BASE_URL, this.sandboxUrl)
          .replace(AUTHORIZE_URL, `${this.sandboxUrl}/oauth/authorize`),
      onRequest: (r: { method: string; url: string; body?: unknown }) => this.requests.push(r),
    };
  }

  module(name: string): MakeModule {
    const found = this.app.modules.find((m) => m.name === name);
    if (!found) throw new Error(`No Make module ${name}`);
    return found;
  }

  async run(name: string, parameters: Json, data: Json = {}) {
    const module = this.module(name);
    await this.validate(module, parameters);
    return runCommunication(
      module.communication,
      { parameters, connection: this.connection, data },
      this.options,
    );
  }

  private readonly rpcFields = new Map<string, Json[]>();

  /**
   * What Make checks before a module runs: each mapped text value against its parameter's `validate.max` (a text
   * parameter's maximum length in Make's parameter schema), the module's own parameters and the fields its RPCs
   * add (the portal's property fields). A value too long never reaches the module's requests.
   */
  private async validate(module: MakeModule, parameters: Json): Promise<void> {
    const specs: Json[] = [];
    for (const p of [...module.staticParams, ...module.mappableParams]) {
      if (typeof p !== 'string') specs.push(p);
      else if (p.startsWith('rpc://')) {
        const rpc = p.slice('rpc://'.length);
        // Make loads these fields when the scenario is designed, not when it runs: not a request of the run.
        if (!this.rpcFields.has(rpc)) this.rpcFields.set(rpc, await this.rpc(rpc, {}, { record: false }));
        specs.push(...this.rpcFields.get(rpc)!);
      }
    }
    for (const spec of specs) {
      const max = (spec.validate as Json | undefined)?.max;
      const value = parameters[String(spec.name)];
      if (
        spec.type === 'text' &&
        typeof max === 'number' &&
        typeof value === 'string' &&
        value.length > max
      ) {
        throw new MakeError(
          'BundleValidationError',
          `Validation failed for 1 parameter(s). ${spec.label ?? spec.name} (${spec.name}): is ${value.length} characters long; at most ${max} are allowed.`,
        );
      }
    }
  }

  /** Actions output exactly one bundle. */
  async action(name: string, parameters: Json): Promise<Json> {
    const { outputs } = await this.run(name, parameters);
    if (outputs.length !== 1) throw new Error(`${name} output ${outputs.length} bundles`);
    return outputs[0] as Json;
  }

  async rpc(name: string, parameters: Json = {}, { record = true } = {}): Promise<Json[]> {
    const rpc = this.app.rpcs.find((r) => r.name === name);
    if (!rpc) throw new Error(`No Make RPC ${name}`);
    const { outputs } = await runCommunication(
      rpc.communication,
      { parameters, connection: this.connection },
      record ? this.options : { ...this.options, onRequest: undefined },
    );
    return outputs as Json[];
  }

  /**
   * The module's interface as the next modules see it, for these parameters: its static fields and what the RPCs it
   * names output (make/iml/interface.ts). Their requests are recorded.
   */
  interfaceOf(name: string, parameters: Json = {}): Promise<Json[]> {
    return expandInterface(this.module(name).interface, (rpc) => this.rpc(rpc, parameters));
  }

  /** "Choose where to start": the epoch's items. */
  async epoch(name: string, parameters: Json): Promise<Array<{ label: string; date: string }>> {
    const module = this.module(name);
    const merged = deepMerge(module.communication, module.epoch) as Json;
    // The epoch's own output replaces the trigger's (it is the list the user picks from).
    (merged.response as Json).output = (module.epoch!.response as Json).output;
    delete (merged.response as Json).trigger;
    const { outputs } = await runCommunication(
      merged,
      { parameters, connection: this.connection, data: {} },
      this.options,
    );
    return outputs as Array<{ label: string; date: string }>;
  }

  /** One poll from a state; answers the emitted bundles and the next state. */
  async poll(name: string, parameters: Json, state: TriggerState) {
    const { triggers } = await this.run(name, parameters, { ...state });
    return applyTrigger(triggers, state);
  }

  /**
   * The scopes Make asks for (`oauth.scope`): the connection's default scope, plus the scopes of the module it is
   * created from, plus those of each module it is later extended for
   * (https://developers.make.com/custom-apps-documentation/component-blocks/scope, "Extend scopes").
   */
  oauthScope(...moduleNames: string[]): string[] {
    const oauth = this.app.connections.find((c) => c.type === 'oauth')!;
    const scopes = [...(oauth.defaultScope ?? []), ...moduleNames.flatMap((name) => this.module(name).scope)];
    return [...new Set(scopes)];
  }

  /** The authorize URL the OAuth connection's `authorize` step renders (pointed at the sandbox). */
  authorizeUrl(common: Json, oauthScope: string[], parameters: Json = {}): URL {
    const oauth = this.app.connections.find((c) => c.type === 'oauth')!;
    const authorize = (oauth.communication as Record<string, Json>).authorize!;
    const scope = {
      common,
      parameters,
      oauth: { localRedirectUri: 'https://www.make.com/oauth/cb/app', scope: oauthScope },
    };
    const url = new URL(this.options.rewriteUrl(render(authorize.url, scope) as string));
    for (const [k, v] of Object.entries(render(authorize.qs, scope) as Json))
      url.searchParams.set(k, String(v));
    return url;
  }

  /** Make's OAuth flow: authorize (the sandbox grants at once and redirects), token, info. */
  async connectOAuth(common: Json, options: { oauthScope?: string[]; parameters?: Json } = {}) {
    const oauth = this.app.connections.find((c) => c.type === 'oauth')!;
    const comm = oauth.communication as Record<string, Json>;
    const parameters = options.parameters ?? {};
    const scope = { common, parameters, oauth: { localRedirectUri: 'https://www.make.com/oauth/cb/app' } };
    const authorize = this.authorizeUrl(common, options.oauthScope ?? this.oauthScope(), parameters);
    const redirect = await fetch(authorize, { redirect: 'manual' });
    if (redirect.status !== 302)
      throw new Error(`authorize answered ${redirect.status}: ${await redirect.text()}`);
    const query = Object.fromEntries(new URL(redirect.headers.get('location')!).searchParams);
    const temp = render((comm.authorize!.response as Json).temp, { ...scope, query }) as Json;
    const token = await runCommunication(
      comm.token!,
      { ...scope, temp, data: {} },
      { ...this.options, base: undefined },
    );
    const data = token.connection.data as Json;
    const info = await runCommunication(comm.info!, { ...scope, data }, { ...this.options, base: undefined });
    return { data, uid: info.connection.uid, metadata: info.connection.metadata as Json };
  }

  /** Runs `refresh` when its condition holds (Make checks it before each use); answers the new data or undefined. */
  async refreshOAuth(common: Json, data: Json): Promise<Json | undefined> {
    const oauth = this.app.connections.find((c) => c.type === 'oauth')!;
    const refresh = (oauth.communication as Record<string, Json>).refresh!;
    const scope = { common, data, now: this.now() };
    if (!render(refresh.condition, scope)) return undefined;
    const { condition: _condition, ...request } = refresh;
    const result = await runCommunication(request, scope, { ...this.options, base: undefined });
    return { ...data, ...(result.connection.data as Json) };
  }

  /** What Make runs when a user deletes the OAuth connection. */
  async invalidateOAuth(common: Json, data: Json): Promise<void> {
    const oauth = this.app.connections.find((c) => c.type === 'oauth')!;
    const invalidate = (oauth.communication as Record<string, Json>).invalidate!;
    await runCommunication(invalidate, { common, data }, { ...this.options, base: undefined });
  }

  /** The relay webhook an instant trigger module listens on. */
  webhookOf(moduleName: string): MakeWebhook {
    const name = this.module(moduleName).webhook;
    const hook = this.app.webhooks?.find((w) => w.name === name);
    if (!hook) throw new Error(`Module ${moduleName} names no webhook of the app`);
    return hook;
  }

  /** A scenario with the module switched on: Make runs its webhook's `attach` with the URL it minted for it. */
  attach(moduleName: string, parameters: Json, common: Json, url: string): Promise<Json> {
    const hook = this.webhookOf(moduleName);
    const webhook = { id: 'make-hook-1', url };
    return runAttach(
      hook.attach!,
      { parameters, connection: this.connection, common, webhook },
      this.options,
    );
  }

  /** The scenario's webhook removed: `detach` with the data `attach` kept. */
  detach(moduleName: string, parameters: Json, common: Json, data: Json): Promise<void> {
    const hook = this.webhookOf(moduleName);
    return runDetach(
      hook.detach!,
      { parameters, connection: this.connection, common, webhook: data },
      this.options,
    );
  }

  /** One request at the webhook: its bundles, each through the instant trigger module. */
  async instant(moduleName: string, request: IncomingRequest, hookParameters: Json, parameters: Json = {}) {
    const module = this.module(moduleName);
    const bundles = await runWebhook(this.webhookOf(moduleName).communication, request, hookParameters);
    const out: Json[] = [];
    for (const bundle of bundles)
      out.push(
        await runInstantTrigger(
          module.communication as Json,
          bundle,
          { parameters, connection: this.connection },
          this.options,
        ),
      );
    return out;
  }

  async connectToken(accessToken: string) {
    const basic = this.app.connections.find((c) => c.type === 'basic')!;
    const result = await runCommunication(
      basic.communication,
      { parameters: { accessToken } },
      { ...this.options, base: undefined },
    );
    return result.connection;
  }
}

/** The Make error a module run ends with (type and message); fails when it succeeds or throws anything else. */
export async function makeErrorOf(promise: Promise<unknown>): Promise<{ type: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MakeError) return { type: error.type, message: error.message };
    throw error;
  }
  throw new Error('expected a Make error');
}

/** A list stored directly in the sandbox portal (static unless told otherwise; contacts unless told otherwise). */
export function sandboxList(sandbox: Sandbox, name: string, processingType = 'MANUAL', objectTypeId = '0-1') {
  const now = sandbox.portal.now();
  return sandbox.portal.lists.create({
    name,
    objectTypeId,
    processingType: processingType as 'MANUAL',
    createdAt: now,
    updatedAt: now,
    createdById: '1',
  });
}
