import { validationError } from '../errors';
import { json, noContent, objectBody } from '../http';
import { iso } from '../objects/read';
import type { Router } from '../router';
import type { EventDefinition } from '../state/events';
import { page, requireFeature } from './features';

/**
 * Custom behavioral events (Enterprise): `GET /events/v3/event-definitions` (scope
 * `behavioral_events.event_definitions.read_write`) and `POST /events/v3/send` → 204 (scope
 * `analytics.behavioral_events.send`). An occurrence names its event by `fullyQualifiedName`, its contact by `email`,
 * `objectId` or `utk`, and may only carry the event's properties (HubSpot's `hs_` defaults included).
 * https://developers.hubspot.com/docs/api-reference/legacy/events/send-event-data/guide
 */
export function behavioralEventRoutes(router: Router): void {
  router.get(
    '/events/v3/event-definitions',
    { scopes: () => ['behavioral_events.event_definitions.read_write'] },
    (req, portal) => {
      requireFeature(portal, 'behavioralEvents');
      const limit = req.query.int('limit', { fallback: 100, min: 1, max: 100 });
      const after = req.query.int('after', { fallback: 0, min: 0 });
      const live = portal.events.allDefinitions().filter((d) => !d.archived);
      return json(200, page(live.map(definitionView), after, limit, req.rawPath));
    },
  );

  router.post('/events/v3/send', { scopes: () => ['analytics.behavioral_events.send'] }, (req, portal) => {
    requireFeature(portal, 'behavioralEvents');
    const body = objectBody(req);
    const name = String(body.eventName ?? '');
    const definition = portal.events.definition(name);
    // Messages: UNVERIFIED.
    if (!definition || definition.archived)
      throw validationError(`Event ${name || '(none)'} is not defined.`);
    const { email, objectId, utk } = body as Record<string, unknown>;
    if (!email && !objectId && !utk) throw validationError('One of email, objectId or utk is required.');
    let contactId = objectId === undefined ? '' : String(objectId);
    if (contactId) {
      const record = portal.records.get(portal.objectTypes.resolve('contacts').objectTypeId, contactId);
      if (!record || record.archived) throw validationError(`No contact with objectId ${contactId}.`);
    }
    const properties = (body.properties ?? {}) as Record<string, unknown>;
    if (typeof properties !== 'object' || Array.isArray(properties))
      throw validationError('properties must be an object.');
    const unknown = Object.keys(properties).filter(
      (p) => !p.startsWith('hs_') && !definition.properties.includes(p),
    );
    if (unknown.length > 0)
      throw validationError(`Properties not defined on event ${name}: ${unknown.join(', ')}.`);
    const occurredAt = body.occurredAt ? Date.parse(String(body.occurredAt)) : portal.now();
    if (Number.isNaN(occurredAt)) throw validationError('occurredAt must be an ISO 8601 date-time.');
    contactId ||= String(email ?? utk);
    portal.events.occurrences.push({ eventName: name, objectId: contactId, occurredAt, properties });
    return noContent();
  });
}

const definitionView = (d: EventDefinition) => ({
  fullyQualifiedName: d.fullyQualifiedName,
  name: d.name,
  labels: { singular: d.label, plural: `${d.label}s` },
  primaryObject: d.primaryObject,
  properties: d.properties.map((name) => ({ name, label: name, type: 'string' })),
  archived: d.archived,
  createdAt: iso(d.createdAt),
});
