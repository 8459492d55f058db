import { FieldValidationError } from '../../hubspot/coerce';
import { paths } from '../../hubspot/paths';
import { emailInput } from '../inputs';
import { requiredText } from '../records';
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

export const enrollInWorkflow: OperationDef = {
  key: 'enroll_in_workflow',
  kind: 'create',
  noun: 'Workflow Enrollment',
  label: 'Enroll Contact in Workflow',
  description: 'Enrolls a contact in a workflow, by e-mail.',
  inputFields: [workflowField, emailField],
  outputFields: [
    { key: 'workflow_id', label: 'Workflow ID' },
    { key: 'legacy_workflow_id', label: 'Legacy workflow ID' },
    { key: 'email', label: 'Contact e-mail' },
  ],
  sample: {
    workflow_id: '585051946',
    legacy_workflow_id: '9100001',
    email: 'ada.lovelace@example.com',
    enrolled: true,
  },
  calls: {
    endpoints: [
      `POST ${paths.automation.workflowIdMappings()}`,
      `POST ${paths.automation.enrollContactInWorkflow('{workflowId}', '{email}')}`,
    ],
    perRun: '2 (the workflow id mapping, then the enrollment)',
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
    const errorContext = { requirement: REQUIREMENT };
    const { data } = await ctx.api.request<{
      results: Array<{ flowId: number | string; workflowId: number }>;
    }>({
      method: 'POST',
      path: paths.automation.workflowIdMappings(),
      json: { inputs: [{ type: 'FLOW_ID', flowId }] },
      idempotent: true,
      acceptStatuses: [207],
      errorContext,
    });
    const workflowId = data.results.find((r) => String(r.flowId) === flowId)?.workflowId;
    if (workflowId === undefined)
      throw new FieldValidationError(workflowField.key, workflowField.label, `no workflow has ID ${flowId}.`);
    await ctx.api.request({
      method: 'POST',
      path: paths.automation.enrollContactInWorkflow(workflowId, email),
      errorContext: { ...errorContext, subject: `workflow ${flowId} or a contact with e-mail ${email}` },
    });
    return { workflow_id: flowId, legacy_workflow_id: String(workflowId), email, enrolled: true };
  },
};
