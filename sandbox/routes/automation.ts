import { fail, validationError } from '../errors';
import { json, noContent, objectBody, type SandboxRequest } from '../http';
import { findByIdProperty } from '../objects/lookup';
import { iso } from '../objects/read';
import type { Portal } from '../portal';
import type { Router } from '../router';
import type { StoredFlow, StoredSequence } from '../state/automation';
import { page, requireFeature } from './features';

/**
 * Workflows and sequences.
 * - `GET /automation/v4/flows` lists workflows (v4, scope `automation`).
 * - `POST /automation/v4/workflow-id-mappings/batch/read` maps v4 flow ids to the legacy workflow ids.
 * - `POST /automation/v2/workflows/{workflowId}/enrollments/contacts/{email}` → 204: the only documented enrollment
 *   endpoint (the v4 API has none). https://developers.hubspot.com/docs/api-reference/legacy/automation/workflows/v2/enroll-contact
 * - `GET /automation/v4/sequences?userId=` and `POST /automation/v4/sequences/enrollments?userId=` (scopes
 *   `automation.sequences.read` / `automation.sequences.enrollments.write`; the user needs a Sales or Service Hub
 *   Professional or Enterprise seat). https://developers.hubspot.com/docs/api-reference/2026-03/automation/sequences/guide
 */
const MAX_LIMIT = 100;

export function automationRoutes(router: Router): void {
  const workflows = { scopes: () => ['automation'] };

  router.get('/automation/v4/flows', workflows, (req, portal) => {
    requireFeature(portal, 'workflows');
    const limit = req.query.int('limit', { fallback: MAX_LIMIT, min: 1, max: MAX_LIMIT });
    const after = req.query.int('after', { fallback: 0, min: 0 });
    return json(200, page(portal.automation.allFlows().map(flowView), after, limit, req.rawPath));
  });

  router.post('/automation/v4/workflow-id-mappings/batch/read', workflows, (req, portal) => {
    requireFeature(portal, 'workflows');
    const inputs = objectBody(req).inputs;
    if (!Array.isArray(inputs) || inputs.length === 0)
      throw validationError('inputs must be a non-empty array.');
    const startedAt = iso(portal.now());
    const results: Array<{ flowId: number; workflowId: number }> = [];
    const missing: string[] = [];
    for (const input of inputs as Array<Record<string, unknown>>) {
      const flow =
        input?.type === 'FLOW_ID'
          ? portal.automation.flowById(String(input.flowId))
          : input?.type === 'WORKFLOW_ID'
            ? portal.automation.flowByWorkflowId(Number(input.workflowId))
            : undefined;
      if (flow) results.push({ flowId: Number(flow.id), workflowId: flow.workflowId });
      else missing.push(String(input?.flowId ?? input?.workflowId ?? ''));
    }
    const body = { status: 'COMPLETE', results, startedAt, completedAt: iso(portal.now()) };
    if (missing.length === 0) return json(200, body);
    // Batch reads answer 207 with an error per missing input, as CRM batch reads do.
    return json(207, {
      ...body,
      numErrors: missing.length,
      errors: missing.map((id) => ({
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        message: `No workflow with id ${id}.`,
        context: { ids: [id] },
      })),
    });
  });

  router.post(
    '/automation/v2/workflows/:workflowId/enrollments/contacts/:email',
    workflows,
    (req, portal) => {
      requireFeature(portal, 'workflows');
      const flow = portal.automation.flowByWorkflowId(Number(req.params.workflowId));
      // Messages: UNVERIFIED.
      if (!flow) throw fail(404, `Workflow ${req.params.workflowId} does not exist.`, 'OBJECT_NOT_FOUND');
      if (flow.objectTypeId !== '0-1')
        throw validationError(
          `Workflow ${req.params.workflowId} is not contact-based; only contacts can be enrolled.`,
        );
      const email = req.params.email!;
      const contact = findByIdProperty(portal, portal.objectTypes.resolve('contacts'), 'email', email);
      if (!contact) throw fail(404, `Contact with email ${email} does not exist.`, 'OBJECT_NOT_FOUND');
      portal.automation.enrollInWorkflow(flow.workflowId, email.toLowerCase());
      return noContent();
    },
  );

  router.get('/automation/v4/sequences', { scopes: () => ['automation.sequences.read'] }, (req, portal) => {
    requireFeature(portal, 'sequences');
    const userId = requiredUserId(req, portal);
    const limit = req.query.int('limit', { fallback: MAX_LIMIT, min: 1, max: MAX_LIMIT });
    const after = req.query.int('after', { fallback: 0, min: 0 });
    return json(
      200,
      page(portal.automation.sequencesOf(userId).map(sequenceView), after, limit, req.rawPath),
    );
  });

  router.post(
    '/automation/v4/sequences/enrollments',
    { scopes: () => ['automation.sequences.enrollments.write'] },
    (req, portal) => {
      requireFeature(portal, 'sequences');
      const userId = requiredUserId(req, portal);
      const body = objectBody(req);
      for (const key of ['contactId', 'sequenceId', 'senderEmail']) {
        if (body[key] === undefined || body[key] === '') throw validationError(`${key} is required.`);
      }
      const sender = portal.owners.find(String(userId), 'userId', false);
      // The sender must be the user's connected inbox (or an alias of it); the owner's e-mail stands for it here.
      const senderEmail = String(body.senderEmail).toLowerCase();
      const alias = body.senderAliasAddress ? String(body.senderAliasAddress).toLowerCase() : undefined;
      if (sender?.email.toLowerCase() !== senderEmail)
        throw validationError(`senderEmail ${body.senderEmail} is not a connected inbox of user ${userId}.`);
      const sequence = portal.automation.sequence(String(body.sequenceId));
      if (!sequence) throw fail(404, `Sequence ${body.sequenceId} does not exist.`, 'OBJECT_NOT_FOUND');
      const contactType = portal.objectTypes.resolve('contacts');
      const contact = portal.records.get(contactType.objectTypeId, String(body.contactId));
      if (!contact || contact.archived)
        throw fail(404, `Contact ${body.contactId} does not exist.`, 'OBJECT_NOT_FOUND');
      const toEmail = contact.properties.email;
      if (!toEmail) throw validationError(`Contact ${body.contactId} has no email address.`);
      if (portal.automation.activeEnrollmentOf(String(body.contactId)))
        throw validationError(`Contact ${body.contactId} is already enrolled in a sequence.`);
      const enrollment = portal.automation.enrollInSequence({
        sequenceId: sequence.id,
        contactId: String(body.contactId),
        toEmail,
        senderEmail: alias ?? senderEmail,
        enrolledAt: portal.now(),
      });
      return json(200, {
        id: enrollment.id,
        toEmail,
        enrolledAt: iso(enrollment.enrolledAt),
        updatedAt: iso(enrollment.enrolledAt),
      });
    },
  );
}

function requiredUserId(req: SandboxRequest, portal: Portal): number {
  const raw = req.query.get('userId');
  if (!raw || !/^\d+$/.test(raw)) throw validationError('userId is required and must be a HubSpot user id.');
  if (!portal.owners.find(raw, 'userId', false)) throw validationError(`No user with id ${raw}.`);
  return Number(raw);
}

const flowView = (f: StoredFlow) => ({
  id: f.id,
  isEnabled: f.isEnabled,
  flowType: 'WORKFLOW',
  name: f.name,
  objectTypeId: f.objectTypeId,
  revisionId: '1',
  createdAt: iso(f.createdAt),
  updatedAt: iso(f.updatedAt),
});

const sequenceView = (s: StoredSequence) => ({
  id: s.id,
  name: s.name,
  userId: String(s.userId),
  createdAt: iso(s.createdAt),
  updatedAt: iso(s.updatedAt),
});
