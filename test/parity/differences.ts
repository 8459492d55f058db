/**
 * Where Zapier and Make differ for the same inputs, and why. Each reason names what the platform does or cannot do,
 * or the open work that will remove the difference (issue 10: one behaviour on both platforms). The parity suite
 * fails on a difference missing here and on a reason whose difference no longer occurs.
 */

/** A side's reasons: one, or several when more than one cause makes it differ (each is explained once in the docs). */
export type Reasons = string | readonly string[];
export interface Difference {
  requests?: Reasons;
  output?: Reasons;
}

const FIRST_POLL =
  "A trigger's first run: Zapier shows the latest records (search sorted newest first, nothing filtered) so the " +
  "editor has samples and Zapier's dedupe marks them seen; Make's watch module reads from its own stored date and " +
  'leaves out records changed in the last 60 s (search index lag margin), so a first run right after the writes ' +
  "emits nothing. Both then continue from their watermark, keyed on time and id. Make's first run is Make's own " +
  '(the start chosen in the epoch: https://developers.make.com/custom-apps-documentation/app-components/modules/trigger).';

const SEARCH_NOT_READ =
  'Zapier reads a record found by its id or by a unique property directly (`GET …/{id}?idProperty=`, which sees a ' +
  "write at once) and outputs nothing when HubSpot answers 404. Make's search module uses CRM search for every " +
  'property, which lags seconds behind writes: Make counts every 4xx answer as an error and documents no way to ' +
  'turn one into "no result" ("When the service returns an HTTP error, it is not possible to evaluate it as a ' +
  'success": https://developers.make.com/custom-apps-documentation/app-components/base/error-handling), so a read ' +
  'by id would fail the scenario where the search outputs no bundle.';

const PIPELINE_OF_STAGE =
  'A deal holding a stage but no pipeline (a create that set only `dealstage`, whose answer lists only the ' +
  'properties written): Zapier labels the pipeline with the one holding that stage (operations/stageLabels.ts); ' +
  "Make's module outputs null. HubSpot's stage objects do not name their pipeline " +
  '(https://developers.hubspot.com/docs/api/crm/pipelines), and finding the pipeline whose `stages` hold an id ' +
  "needs a lookup inside nested arrays that Make's documented `map()` (a key and a filter on one level, " +
  'help.make.com array functions) does not do. Every other label is the same on both.';

const PIPELINES_FIRST =
  "Make's find module reads the deal or ticket pipelines (for the stage labels) before its search, every run; " +
  'Zapier reads them after the search, only when a record found has a stage. The search is paged, and keeping ' +
  "every page's records in `temp` to read the pipelines after them relies on what `temp` holds across pages, which " +
  'Make does not document (https://developers.make.com/custom-apps-documentation/component-blocks/api/handling-responses/temp); ' +
  "reading first is the docs' own example of a value passed to a later request " +
  '(https://developers.make.com/custom-apps-documentation/component-blocks/api/multiple-requests). The outputs ' +
  'are the same.';

const trigger = { requests: FIRST_POLL, output: FIRST_POLL };

const PER_RECORD =
  'Property changes: Zapier reads every record modified since its window began (also those modified again after ' +
  'it) and emits each property-history entry dated inside the window, once; Make emits one bundle per ' +
  'record whose newest change of the property is after its last item (its current value, when it was set, the ' +
  'value before). A Make module iterates one flat container ' +
  '(https://developers.make.com/custom-apps-documentation/component-blocks/api/handling-responses/iterate) and a ' +
  "record's history is an array inside the record, so the entries cannot each become a bundle. The history read " +
  'is a second request of the run (https://developers.make.com/custom-apps-documentation/component-blocks/api/multiple-requests), ' +
  'given the ids the search found in `temp`, and the records its `iterate.condition` keeps are the polling ' +
  "trigger's items, ordered by modification time and id " +
  '(https://developers.make.com/custom-apps-documentation/app-components/modules/trigger). Make asks the search ' +
  'for ids only, oldest first, 50 a page (one history read each); Zapier searches newest first on its first poll. ' +
  'Make resumes only after a returned bundle, so a run that examined a full Limit of records without a change ' +
  'stops with an error (a `valid` step: ' +
  'https://developers.make.com/custom-apps-documentation/component-blocks/api/handling-responses/valid) where ' +
  'Zapier, keeping its own window, goes on.';

const propertyChange = { requests: [FIRST_POLL, PER_RECORD], output: FIRST_POLL };

const LIST_MEMBER_READS =
  "Make's module checks every value both as a record id and, for a contact list, as an e-mail (two batch reads under " +
  "the list's objectTypeId); Zapier splits the values into digits-only ids and e-mails first and reads each group " +
  "only when it has values. IML's `map()` filters arrays of collections by a key, and no documented function filters " +
  'an array of plain values by a pattern (https://help.make.com/array-functions), so the module cannot split them. ' +
  'The membership call is the same.';

const LIST_UNCHANGED =
  'Zapier also outputs `unchanged` (the values that were already members, or were not members): the difference of ' +
  "two arrays, which none of Make's documented array functions computes (`remove` takes the values to remove as " +
  'separate arguments, not as an array: https://help.make.com/array-functions).';

const LIST_BY_NAME =
  'Zapier reads a list by id, then by exact name (`GET /crm/v3/lists/object-type-id/{id}/name/{name}`), with 404 as ' +
  "no result; Make's module searches lists (`POST /crm/v3/lists/search`) and keeps the exact match, because a 4xx is " +
  'always an error on Make (https://developers.make.com/custom-apps-documentation/app-components/base/error-handling). ' +
  'The list output is the same.';

const RUN_TRACE_IDS =
  "Zapier gives each buffered run's input its run id as `objectWriteTraceId`, so HubSpot's 207 answer names the " +
  'run each error belongs to and every run of the buffer gets its own outcome ' +
  '(https://developers.hubspot.com/docs/api-reference/crm-contacts-v3/batch/post-crm-v3-objects-contacts-batch-update); ' +
  "Make's module is one call with one outcome, so it sends the records as mapped and HubSpot's per-input errors " +
  'come back in its `errors`. The records, ids and properties sent are the same.';

const BUFFER_OUTPUT =
  "Zapier's `performBuffer` answers one result per buffered run, keyed by the run's id " +
  '(https://github.com/zapier/zapier-platform/blob/main/packages/schema/docs/build/schema.md#basicactionoperationschema), ' +
  "each run's record; Make's module is one call with one output bundle, HubSpot's batch answer (`results`, " +
  "`errors`, `status`; an upsert's `new` is the Zapier record's `is_new`). The suite checks that both hold the " +
  'same records, ids and properties.';

const ARCHIVE_OUTPUT =
  "Zapier answers each buffered run with its id, `archived` and type; Make's module outputs how many ids it sent " +
  '(`archived`), as HubSpot answers the batch archive with 204 and no body, also for an id it does not hold ' +
  '(https://developers.hubspot.com/docs/api-reference/crm-contacts-v3/batch/post-crm-v3-objects-contacts-batch-archive). ' +
  'The archive call is the same; the suite checks the count matches the runs archived.';

const FILE_MEDIA_TYPE =
  "The file part's media type: Zapier sends the type the file's URL answered with (here `text/csv`); a Make file is " +
  "a buffer and a name, and Make's multipart request documents only the part's `filename` option " +
  '(https://developers.make.com/custom-apps-documentation/component-blocks/api/multipart-form-data), so the module ' +
  'names no type and the part goes as `application/octet-stream` (the multipart default the IML runner sends). HubSpot types the file by its name: both answers say `csv`, `DOCUMENT`. The ' +
  'bytes, names, folder, options, note and its association are the same.';

export const EXPECTED_DIFFERENCES: Record<string, Difference> = {
  new_contact: trigger,
  new_or_updated_contact: trigger,
  new_company: trigger,
  new_or_updated_company: trigger,
  new_deal: trigger,
  new_or_updated_deal: trigger,
  new_ticket: trigger,
  new_or_updated_ticket: trigger,
  new_object: trigger,
  new_or_updated_object: trigger,
  new_product: trigger,
  new_line_item: trigger,
  // No engagement exists in the scenario, so both outputs are empty; the requests differ as for every trigger.
  new_engagement: { requests: FIRST_POLL },
  contact_property_change: propertyChange,
  object_property_change: propertyChange,
  deal_stage_changed: propertyChange,
  new_order: trigger,
  new_cart: trigger,
  new_invoice: trigger,
  new_quote: trigger,
  new_lead: trigger,
  ticket_stage_changed: propertyChange,
  new_or_updated_order: trigger,

  // sync_customer is not listed: one run sends the same requests on both (Zapier claims a new domain in z.cache,
  // not in HubSpot). Overlapping runs differ: Zapier's end with one company, Make's may not (docs/make.md).
  find_contact: { requests: SEARCH_NOT_READ },
  find_deal: { requests: [SEARCH_NOT_READ, PIPELINES_FIRST] },
  'create_deal#2': { output: PIPELINE_OF_STAGE },
  find_ticket: { requests: PIPELINES_FIRST },
  find_object: { requests: SEARCH_NOT_READ },
  create_or_update_company: {
    requests:
      "Zapier checks the written properties against the portal's definitions before sending and refuses the " +
      'read-only hs_object_id; Make sends the upsert and HubSpot refuses it.',
    output: 'Both refuse; the messages differ (Zapier names the field, Make relays HubSpot’s 400).',
  },
  add_to_list: { requests: LIST_MEMBER_READS, output: LIST_UNCHANGED },
  remove_from_list: { requests: LIST_MEMBER_READS, output: LIST_UNCHANGED },
  find_list: { requests: LIST_BY_NAME },
  find_associations: {
    output:
      "Make's search modules output one bundle per associated record (Make's convention, so later modules " +
      'iterate); Zapier returns one item holding the whole list, its count and ids (a search step uses one result).',
  },
  create_association: {
    requests:
      "Make's request schema (api.json) requires a body on a PUT, so the module sends `{}` where Zapier sends " +
      'none; HubSpot treats both the same.',
  },
  create_timeline_event: {
    output:
      'Both refuse (the parity sandboxes connect with a private-app token, and only a public app with event ' +
      "templates may create timeline events); the messages differ: Zapier's names what the action needs (the error " +
      "table's `requirement`), Make relays HubSpot's 403.",
  },
  batch_update: { requests: RUN_TRACE_IDS, output: BUFFER_OUTPUT },
  batch_upsert: { requests: RUN_TRACE_IDS, output: BUFFER_OUTPUT },
  batch_archive: { output: ARCHIVE_OUTPUT },
  upload_file: { requests: FILE_MEDIA_TYPE },
  api_request: {
    output:
      "Each platform's own shape for a raw API call: Make's universal module outputs `statusCode`, `headers` and " +
      '`body`; the Zapier step outputs `status` and `data`.',
  },
};
