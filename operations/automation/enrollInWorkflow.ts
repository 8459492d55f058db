import { FieldValidationError } from '../../hubspot/coerce';
import { paths } from '../../hubspot/paths';
import { declaredEndpoints } from '../endpoints';
import { emailInput } from '../inputs';
import { requiredText } from '../records';
import { input, path, type RequestSpec, temp } from '../request';
import { CONTACTS } from '../runDeclared';
import { runRequests, runState } from '../runRequests';
import type { InputFieldDef, OperationDef } from '../types';

/**
 * Enrolls a contact in a workflow. HubSpot's current workflows API (v4 flows) lists workflows but has no enrollment
 * endpoint; the only documented one is v2's `POST /automation/v2/workflows/{workflowId}/enrollments/contacts/{email}`
 * (legacy, not retired), which takes the legacy workflow id. So the step picks a v4 flow and maps it to that id first.
 * Workflows need a Professional or Enterprise hub; scope `automation`.
 * https://developers.hubspot.com/docs/api-reference/legacy/automation/workflows/v2/enroll-contact,
 * https://developers.hubspot.com/docs/api-reference/legacy/automation/workflows/batch/get-workflow-id-mappings
 */
const REQUIREMENT =
  'a Marketing, Sales, Service, Content or Data Hub Professional or Enterprise subscription (workflows)';

const workflowField: InputFieldDef = {
  key: 'workflow_id',
  label: 'Workflow',
  required: true,
  dropdown: { kind: 'workflows' },
  helpText:
    'A contact-based workflow. Needs a Professional or Enterprise hub. Enrollment goes through HubSpot’s v2 workflows API, the only one that enrolls (documented, not retired).',
};
const emailField: InputFieldDef = {
  key: 'email',
  label: 'Contact e-mail',
  required: true,
  helpText:
    'The e-mail of an existing contact; HubSpot enrolls it even if it does not meet the enrollment triggers.',
};

/** The v4 flow id → the legacy workflow id the v2 enrollment takes (a read: safe to repeat). */
const MAPPING: RequestSpec = {
  method: 'POST',
  path: path(paths.automation.workflowIdMappings),
  body: { inputs: [{ type: 'FLOW_ID', flowId: input('workflow_id', { recordId: true }) }] },
  idempotent: true,
  temp: { workflowId: 'results[1].workflowId' },
};

/** 204, no body. The request has none either: Make's schema wants a POST to carry one, so an empty object. */
const ENROLLMENT: RequestSpec = {
  method: 'POST',
  path: path(paths.automation.enrollContactInWorkflow, temp('workflowId'), input('email')),
  body: {},
  output: {
    kind: 'fixed',
    fields: {
      workflow_id: input('workflow_id'),
      legacy_workflow_id: temp('workflowId'),
      email: input('email'),
      enrolled: true,
    },
  },
};

export const enrollInWorkflow: OperationDef = {
  key: 'enroll_in_workflow',
  kind: 'create',
  noun: 'Workflow Enrollment',
  label: 'Enroll Contact in Workflow',
  description: 'Enrolls a contact in a workflow, by e-mail.',
  inputFields: [workflowField, emailField],
  outputFields: [
    { key: 'workflow_id', label: 'Workflow ID' },
    { key: 'legacy_workflow_id', label: 'Legacy workflow ID', type: 'integer' },
    { key: 'email', label: 'Contact e-mail' },
  ],
  sample: {
    workflow_id: '585051946',
    legacy_workflow_id: 9100001,
    email: 'ada.lovelace@example.com',
    enrolled: true,
  },
  calls: {
    endpoints: declaredEndpoints([MAPPING, ENROLLMENT], CONTACTS),
    perRun: '2 (the workflow id mapping, then the enrollment)',
  },
  requests: [MAPPING, ENROLLMENT],
  code: {
    reason:
      'An unknown workflow is refused naming the field: the id mapping answers it with a 207 and no workflow id, which the declaration cannot check between the two requests.',
  },
  async perform(ctx) {
    const flowId = requiredText(ctx, workflowField.key, workflowField.label);
    if (!/^\d+$/.test(flowId))
      throw new FieldValidationError(
        workflowField.key,
        workflowField.label,
        `"${flowId}" is not a workflow ID.`,
      );
    const email = emailInput(ctx, emailField)!;
    const run = runState(CONTACTS, enrollInWorkflow);
    const errorContext = { requirement: REQUIREMENT };
    await runRequests(ctx, [MAPPING], run, () => ({ acceptStatuses: [207], errorContext }));
    if (run.temp.workflowId === undefined)
      throw new FieldValidationError(workflowField.key, workflowField.label, `no workflow has ID ${flowId}.`);
    return runRequests(ctx, [ENROLLMENT], run, () => ({
      errorContext: { ...errorContext, subject: `workflow ${flowId} or a contact with e-mail ${email}` },
    }));
  },
};
