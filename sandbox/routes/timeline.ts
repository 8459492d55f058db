import { conflict, fail, validationError } from '../errors';
import { json, objectBody } from '../http';
import { findByIdProperty } from '../objects/lookup';
import { iso } from '../objects/read';
import type { Router } from '../router';
import type { TimelineTemplate } from '../state/events';

/**
 * Timeline events v3, for apps with event templates: templates are managed with the developer API key
 * (`GET /integrators/timeline/v3/{appId}/event-templates?hapikey=`), events are created with the portal's OAuth
 * token (`POST /integrators/timeline/v3/events` → 201, scope `timeline`) and only from the token's own app's templates.
 * An event names its record by `objectId` or, on contacts, `email`; its `tokens` must be the template's, typed.
 * https://developers.hubspot.com/docs/api/crm/timeline,
 * https://developers.hubspot.com/docs/api-reference/crm-timeline-v3/events/post-integrators-timeline-v3-events
 */
export function timelineRoutes(router: Router): void {
  router.get(
    '/integrators/timeline/v3/:appId/event-templates',
    { auth: 'developer', lane: 'none' },
    (req, portal) => {
      const appId = Number(req.params.appId);
      if (!portal.auth.oauthApps.some((a) => a.appId === appId))
        throw fail(
          404,
          `App ${req.params.appId} does not exist in this developer account.`,
          'OBJECT_NOT_FOUND',
        );
      return json(200, { results: portal.events.templatesOf(appId).map(templateView) });
    },
  );

  router.post('/integrators/timeline/v3/events', { scopes: () => ['timeline'] }, (req, portal) => {
    const auth = req.auth!;
    // Messages: UNVERIFIED.
    if (auth.kind !== 'oauth')
      throw fail(
        403,
        'Timeline events can only be created by a public app with event templates.',
        'FORBIDDEN',
      );
    const body = objectBody(req);
    const template = portal.events.template(auth.appId, String(body.eventTemplateId ?? ''));
    if (!template)
      throw fail(
        404,
        `Event template ${body.eventTemplateId} does not exist for this app.`,
        'OBJECT_NOT_FOUND',
      );
    const type = portal.objectTypes.resolve(template.objectType);
    let objectId = body.objectId === undefined ? '' : String(body.objectId);
    if (!objectId && body.email && template.objectType === 'contacts') {
      objectId = findByIdProperty(portal, type, 'email', String(body.email))?.id ?? '';
      if (!objectId) throw validationError(`No contact with email ${body.email}.`);
    }
    if (!objectId) throw validationError('objectId is required (or email, for contact templates).');
    const record = portal.records.get(type.objectTypeId, objectId);
    if (!record || record.archived)
      throw validationError(`No ${template.objectType} record with id ${objectId}.`);
    const tokens = checkedTokens(template, body.tokens);
    const id = body.id ? String(body.id) : `${template.id}-${portal.ids.take()}`;
    if (portal.events.timelineEvent(template.id, id))
      throw conflict(`An event with id ${id} already exists.`);
    const timestamp = body.timestamp ? Date.parse(String(body.timestamp)) : portal.now();
    if (Number.isNaN(timestamp)) throw validationError('timestamp must be an ISO 8601 date-time.');
    const event = {
      id,
      eventTemplateId: template.id,
      objectType: template.objectType,
      objectId,
      tokens,
      ...(body.extraData !== undefined ? { extraData: body.extraData } : {}),
      timestamp,
    };
    portal.events.addTimelineEvent(event);
    return json(201, { ...event, timestamp: iso(timestamp), createdAt: iso(portal.now()) });
  });
}

function checkedTokens(template: TimelineTemplate, raw: unknown): Record<string, string> {
  if (raw === undefined) return {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw validationError('tokens must be an object.');
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const token = template.tokens.find((t) => t.name === name);
    if (!token) throw validationError(`Token ${name} is not defined on event template ${template.id}.`);
    const text = String(value);
    if (token.type === 'number' && Number.isNaN(Number(text)))
      throw validationError(`Token ${name} must be a number.`);
    if (token.type === 'enumeration' && !token.options?.some((o) => o.value === text))
      throw validationError(`Token ${name} must be one of its options.`);
    out[name] = text;
  }
  return out;
}

const templateView = (t: TimelineTemplate) => ({
  id: t.id,
  name: t.name,
  objectType: t.objectType,
  headerTemplate: t.headerTemplate,
  tokens: t.tokens,
  createdAt: iso(t.createdAt),
});
