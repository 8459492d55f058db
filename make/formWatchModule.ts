import { paths } from '../hubspot/paths';
import type { OperationDef } from '../operations/types';
import type { Json, MakeModule } from './model';
import { imlPath } from './objectRef';
import { operationModule } from './operationModule';
import { rpcName } from './rpcs';

/**
 * New Form Submission on Make: one form, chosen in a required static parameter (the forms dropdown), read from Forms
 * v1 (`GET /form-integrations/v1/submissions/forms/{formGuid}`, newest first, 50 a page), the endpoint the Zapier
 * operation reads. Make's polling trigger is one paged request; pages are read until one reaches the last submission
 * returned (`data.lastDate`), and Make keeps the submissions after it
 * (https://developers.make.com/custom-apps-documentation/app-components/modules/trigger, `order: desc`).
 * There is no Limit: HubSpot lists newest first, so a limit would keep the newest submissions and pass over the
 * older ones for good; a run returns every new submission up to Make's 50 pagination requests a run (2,550)
 * (https://developers.make.com/custom-apps-documentation/component-blocks/api/pagination).
 */

const PAGE = 50;
const SUBMITTED_AT = "parseDate(item.submittedAt, 'x')";

/** Why Make watches one form where Zapier watches several, for the parity test and the docs. */
export const ONE_FORM_REASON =
  "A Make polling trigger's communication is one request, paged, with one `response.trigger` " +
  '(https://developers.make.com/custom-apps-documentation/app-components/modules/trigger); HubSpot reads ' +
  'submissions one form at a time and has no cross-form endpoint, and IML cannot send one request per item of a ' +
  'list. The Make module watches one required form; add one module per form.';

const FORM_PARAM: Json = {
  name: 'form_id',
  label: 'Form',
  type: 'select',
  options: `rpc://${rpcName({ kind: 'forms' })}`,
  mode: 'edit',
  required: true,
  help: 'The form to watch (one per module).',
};

export function formSubmissionModule(def: OperationDef): MakeModule {
  const url = imlPath(paths.forms.submissions, '{{parameters.form_id}}');
  return operationModule(def, 'Forms', {
    moduleType: 'trigger',
    label: 'Watch Form Submissions',
    description:
      'Triggers when the chosen form is submitted, oldest first. Every submission since the last run is returned (at most 2,550 a run, then the oldest of a larger backlog are passed over).',
    staticParams: [FORM_PARAM],
    mappableParams: [],
    makeOnlyParams: ['form_id'],
    zapierOnlyParams: { form_ids: ONE_FORM_REASON },
    scope: ['forms'],
    communication: {
      url,
      qs: { limit: PAGE },
      pagination: {
        qs: { after: '{{body.paging.next.after}}' },
        // The page's oldest submission is still after the last one returned: older pages hold nothing new.
        condition: `{{body.paging.next.after && (!data.lastDate || parseDate(last(body.results).submittedAt, 'x') > data.lastDate)}}`,
      },
      response: {
        iterate: '{{body.results}}',
        output: {
          id: '{{item.conversionId}}',
          form_id: '{{parameters.form_id}}',
          submitted_at: `{{${SUBMITTED_AT}}}`,
          page_url: '{{ifempty(item.pageUrl, null)}}',
          values: "{{toCollection(item.values, 'name', 'value')}}",
        },
        trigger: { id: '{{item.conversionId}}', date: `{{${SUBMITTED_AT}}}`, type: 'date', order: 'desc' },
      },
    },
    epoch: {
      qs: { limit: PAGE },
      pagination: { condition: false },
      response: {
        limit: PAGE,
        output: {
          label: "{{ifempty(first(map(item.values, 'value', 'name', 'email')), item.conversionId)}}",
          date: `{{${SUBMITTED_AT}}}`,
        },
      },
    },
  });
}
