import { DEFAULT_BASE_URL } from '../hubspot/config';
import { OPERATIONS } from '../operations';
import { INSTANT_TRIGGERS } from '../operations/instant';
import type { DropdownSource, OperationDef } from '../operations/types';
import { findOwnerModule, submitFormModule, uploadFileModule } from './accountModules';
import {
  createAssociationModule,
  findAssociationsModule,
  removeAssociationModule,
} from './associationModules';
import { DECLARED_ACTION_KEYS, declaredActionModule, findFileModule } from './automationModules';
import {
  BATCH_PATH,
  batchArchiveModule,
  batchUpdateModule,
  batchUpsertModule,
  batchWriteModules,
} from './batchModules';
import { connections } from './connections';
import { syncCustomerModule } from './customerModule';
import { declaredModule, declaredPathParams } from './declaredModule';
import { responseError } from './errors';
import { formSubmissionModule } from './formWatchModule';
import { instantOutputProperties, instantTriggerModule } from './instantModules';
import { findListModule, listMembershipModule } from './listModules';
import type { MakeApp, MakeModule, MakeRpc } from './model';
import { zapierOnlyReason } from './moduleParts';
import { universalModule } from './nativeModules';
import { outputPropertiesRpc, outputPropertiesSource } from './outputPropertiesRpc';
import { type PathParams, withPathGuards } from './pathGuards';
import { ALWAYS_RENDERED, propertyFieldsRpc, rpcFor } from './rpcs';
import { withTypeWriteGuards } from './typeWriteGuards';
import { pendingReason, unsupportedReason } from './unsupported';
import { propertyChangeModule, stageModule } from './watchModules';
import { instantRpcSources, RELAY_COMMON_KEY, relayWebhook } from './webhooks';

/**
 * Operations that are code (`OperationDef.code` says why), whose Make module is written by hand, with the parameters
 * its URLs place in a path (checked before any call, `pathGuards.ts`).
 */
const ASSOCIATION_PATH: PathParams = {
  from_object_type: 'segment',
  to_object_type: 'segment',
  from_id: 'recordId',
  to_id: 'recordId',
};
const NATIVE_MODULES: Record<string, { build: (def: OperationDef) => MakeModule; paths: PathParams }> = {
  batch_upsert: { build: batchUpsertModule, paths: BATCH_PATH },
  batch_update: { build: batchUpdateModule, paths: BATCH_PATH },
  batch_archive: { build: batchArchiveModule, paths: BATCH_PATH },
  api_request: { build: universalModule, paths: {} },
  create_association: { build: createAssociationModule, paths: ASSOCIATION_PATH },
  remove_association: { build: removeAssociationModule, paths: ASSOCIATION_PATH },
  find_associations: {
    build: findAssociationsModule,
    paths: { from_object_type: 'segment', from_id: 'recordId', to_object_type: 'segment' },
  },
  add_to_list: { build: (def) => listMembershipModule(def, 'add'), paths: { list_id: 'listId' } },
  remove_from_list: { build: (def) => listMembershipModule(def, 'remove'), paths: { list_id: 'listId' } },
  find_list: { build: findListModule, paths: {} },
  find_owner: { build: findOwnerModule, paths: {} },
  submit_form: { build: submitFormModule, paths: { form_id: 'segment' } },
  upload_file: { build: uploadFileModule, paths: { attach_to_type: 'segment', attach_to_id: 'recordId' } },
  // Polling watch modules with several requests a run (make/watchModules.ts, make/formWatchModule.ts).
  contact_property_change: { build: propertyChangeModule, paths: {} },
  object_property_change: { build: propertyChangeModule, paths: { object_type: 'segment' } },
  deal_stage_changed: { build: stageModule, paths: {} },
  ticket_stage_changed: { build: stageModule, paths: {} },
  new_form_submission: { build: formSubmissionModule, paths: { form_id: 'segment' } },
  find_file: { build: findFileModule, paths: {} },
  // Rendered from their declared requests; their path parameters come from the declarations.
  ...Object.fromEntries(
    DECLARED_ACTION_KEYS.map((key) => [
      key,
      { build: declaredActionModule, paths: declaredPathParams(OPERATIONS.find((o) => o.key === key)!) },
    ]),
  ),
  // Its paths hold only ids HubSpot answered (`temp`), never a parameter.
  sync_customer: { build: syncCustomerModule, paths: {} },
};

/**
 * Modules with no Zapier operation, and why (the parity test reads this). A Zapier step handles one record and Zapier
 * buffers runs (`operations/bulk/`); a Make scenario aggregates bundles into an array and sends it in one module.
 */
const ARRAY_REASON =
  "Make-only: a Make scenario aggregates bundles into an array for one batch call; Zapier's creates write one record per run (batch upsert, update and archive buffer runs into batch calls instead).";
export const MAKE_ONLY_MODULES: Readonly<Record<string, string>> = {
  batchCreate: ARRAY_REASON,
};

function makeOnlyModules(operations: readonly OperationDef[]): MakeModule[] {
  const upsert = operations.find((o) => o.key === 'batch_upsert');
  return upsert ? batchWriteModules(upsert).map((m) => withPathGuards(m, BATCH_PATH)) : [];
}

/** Builds the whole Make app from the shared operation definitions. */

export type OperationSupport =
  | { key: string; module: MakeModule }
  | { key: string; unsupported: string }
  | { key: string; pending: string }
  | { key: string; unexpressed: true };

export function operationSupport(def: OperationDef): OperationSupport {
  const reason = unsupportedReason(def);
  if (reason) return { key: def.key, unsupported: reason };
  const native = NATIVE_MODULES[def.key];
  if (native)
    return {
      key: def.key,
      module: withTypeWriteGuards(withPathGuards(native.build(def), native.paths), def),
    };
  const pending = pendingReason(def);
  if (pending) return { key: def.key, pending };
  if (def.requests?.length)
    return {
      key: def.key,
      module: withTypeWriteGuards(withPathGuards(declaredModule(def), declaredPathParams(def)), def),
    };
  return { key: def.key, unexpressed: true };
}

/**
 * The generator reads environment-dependent defaults (base URL, path family); it renders HubSpot's production values
 * whatever the shell says, so the committed output never depends on who ran the build.
 */
function withProductionDefaults<T>(build: () => T): T {
  const names = [
    'HUBSPOT_BASE_URL',
    'HUBSPOT_FORMS_BASE_URL',
    'HUBSPOT_API_VERSION',
    'HUBSPOT_AUTHORIZE_URL',
  ];
  const saved = names.map((n) => [n, process.env[n]] as const);
  for (const n of names) delete process.env[n];
  try {
    return build();
  } finally {
    for (const [n, v] of saved) if (v !== undefined) process.env[n] = v;
  }
}

export interface GeneratedApp {
  app: MakeApp;
  support: OperationSupport[];
}

/**
 * Record pickers (the newest records of a type, `operations/recordDropdown.ts`) exist for Zapier's review rules: an id
 * field links its Find step only when it also has a dropdown. A Make scenario maps ids from a Search module, so on
 * Make these fields stay plain id fields.
 */
const ZAPIER_ONLY_DROPDOWNS: ReadonlySet<DropdownSource['kind']> = new Set([
  'records',
  'listRecords',
  // Listing an app's timeline templates takes its developer API key, which a Make connection does not hold.
  'timelineTemplates',
]);

function forMake(def: OperationDef): OperationDef {
  const inputFields = def.inputFields.map(({ dropdown, ...field }) =>
    dropdown && !ZAPIER_ONLY_DROPDOWNS.has(dropdown.kind) ? { ...field, dropdown } : field,
  );
  return { ...def, inputFields };
}

export function generateMakeApp(all: readonly OperationDef[] = OPERATIONS): GeneratedApp {
  const operations = all.map(forMake);
  return withProductionDefaults(() => {
    const support = operations.map(operationSupport);
    const modules = [
      ...support.flatMap((s) => ('module' in s ? [s.module] : [])),
      ...makeOnlyModules(operations),
      // Instant triggers over the events relay: a webhook each, and its module (make/webhooks.ts).
      ...INSTANT_TRIGGERS.map(instantTriggerModule),
    ];

    const rpcs = new Map<string, MakeRpc>();
    const add = (rpc: MakeRpc) => rpcs.set(rpc.name, rpc);
    for (const source of ALWAYS_RENDERED) add(rpcFor(source));
    for (const s of support) {
      if (!('module' in s)) continue;
      const def = operations.find((o) => o.key === s.key)!;
      for (const field of def.inputFields) {
        // A Zapier-only field has no Make parameter, so its dropdown needs no RPC.
        if (field.dropdown && !zapierOnlyReason(def, field.key))
          add(rpcFor(field.dropdown as DropdownSource));
      }
      if (def.propertyFields) add(propertyFieldsRpc(def.propertyFields));
      const output = outputPropertiesSource(def.outputProperties, def.kind);
      if (output) add(outputPropertiesRpc(output));
    }
    for (const source of INSTANT_TRIGGERS.flatMap(instantRpcSources)) add(rpcFor(source));
    for (const def of INSTANT_TRIGGERS) {
      const output = instantOutputProperties(def);
      if (output) add(outputPropertiesRpc(output));
    }

    const groups = new Map<string, string[]>();
    for (const m of modules) groups.set(m.group, [...(groups.get(m.group) ?? []), m.name]);

    return {
      support,
      app: {
        base: {
          baseUrl: DEFAULT_BASE_URL,
          headers: { Authorization: 'Bearer {{connection.accessToken}}' },
          response: { error: responseError() },
          log: { sanitize: ['request.headers.authorization'] },
        },
        // The relay's address, filled from RELAY_URL by make/deploy.ts (never committed: it is the publisher's).
        common: { [RELAY_COMMON_KEY]: '' },
        connections: connections(modules),
        modules,
        webhooks: INSTANT_TRIGGERS.map(relayWebhook),
        rpcs: [...rpcs.values()],
        groups: [...groups].map(([label, names]) => ({ label, modules: names })),
        readme: README,
      },
    };
  });
}

const README = `HubSpot CRM
===========

Create, update, upsert and find HubSpot records, watch new and updated records, property and deal stage changes and
form submissions (and, instantly through the HubSpot Bridge events relay, new records, property and deal stage
changes, deletions, association changes and merges), log notes, tasks, calls, meetings and e-mails on the records they
concern, create line items, associate records (with labels), add records to static lists, submit forms, upload files,
find owners and lists, fill dropdowns from your portal (owners, pipelines, stages,
properties, lists, forms, association labels), and call any HubSpot endpoint with "Make an API Call".

Connect with HubSpot OAuth or with a private app access token. Rate limits (429) and HubSpot outages (5xx) are
reported as errors Make retries automatically (a spent daily limit only clears at midnight in the portal's time
zone, and its message says so); an expired or revoked connection, or missing scopes, stops the
scenario until the connection is fixed.
`;
