import { paths } from '../hubspot/paths';
import type { StageLabelsSpec } from '../operations/request';
import type { Json } from './model';

/**
 * A declared request's stage and pipeline labels (`RequestSpec.stageLabels`) on Make, with documented IML only:
 * - The pipelines are one `GET /crm/v3/pipelines/{objectType}` (https://developers.hubspot.com/docs/api/crm/pipelines),
 *   its pipelines and their stages kept in `temp`, which "is lost after the module execution is complete" and is
 *   "useful for passing values between requests"
 *   (https://developers.make.com/custom-apps-documentation/component-blocks/api/handling-responses/temp).
 * - A request answering one record keeps it in `temp`, reads the pipelines only when it has a stage or pipeline (as
 *   Zapier), and a request-less last step outputs it with its labels: a module outputs its last request's output
 *   (https://developers.make.com/custom-apps-documentation/component-blocks/api/multiple-requests,
 *   .../request-less-communication).
 * - A paged request (a search, a poll) reads the pipelines first, every run, and each item's `output` picks its
 *   labels from `temp`, as the docs' "Extending data by executing an additional call" does (multiple-requests page).
 *   Keeping the records of every page in `temp` to read the pipelines after them is not documented (the temp page
 *   speaks of requests, not of a request's pages), and the runner refuses it (`make/iml/run.ts`).
 * Labels are looked up with `map()`'s filter (help.make.com array functions, as the deal stage watch module does).
 */

/** The key marking that the pipelines were read this run (a single record's read is skipped when it has no stage). */
const READ = 'stage_labels_read';

/** The pipelines read; `condition` (IML) when it may be skipped. */
export function pipelinesRead(objectType: string, condition?: string): Json {
  return {
    ...(condition ? { condition: `{{${condition}}}` } : {}),
    url: paths.pipelines.list(objectType),
    method: 'GET',
    response: {
      temp: {
        pipelines: '{{body.results}}',
        // Stage ids are unique across a type's pipelines, so one flat list labels any stage.
        stages: "{{flatten(map(body.results, 'stages'))}}",
        [READ]: true,
      },
    },
  };
}

/** `id` (IML) as its label from `list` (IML array of `{id, label}`): itself when unknown, null when empty. */
const lookup = (list: string, id: string) =>
  `if(${id}, ifempty(first(map(ifempty(${list}, emptyarray), 'label', 'id', ${id})), ${id}), null)`;

/**
 * The label keys for the record read at `record` (IML). `always`: present in every output (the pipelines were read
 * first); otherwise only when the read was made, as Zapier adds none when no output has a stage.
 */
export function labelOutputs(names: StageLabelsSpec, record: string, always: boolean): Json {
  const value = (iml: string) => (always ? `{{${iml}}}` : `{{if(temp.${READ}, ${iml}, undefined)}}`);
  return {
    [`${names.stage}_label`]: value(lookup('temp.stages', `${record}.properties.${names.stage}`)),
    [`${names.pipeline}_label`]: value(lookup('temp.pipelines', `${record}.properties.${names.pipeline}`)),
  };
}

/** Whether the record read at `record` (IML) has a stage or a pipeline. */
export const carriesStage = (names: StageLabelsSpec, record: string) =>
  `if(ifempty(${record}.properties.${names.stage}, ${record}.properties.${names.pipeline}), true, false)`;
