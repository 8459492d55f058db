import { validationError } from '../errors';
import { json, objectBody } from '../http';
import { findByIdProperty } from '../objects/lookup';
import { iso } from '../objects/read';
import { createRecord } from '../objects/write';
import type { Router } from '../router';
import { page, requireFeature } from './features';

/**
 * Transactional single send (`POST /marketing/v3/transactional/single-email/send`, scope `transactional-email`,
 * the Transactional Email add-on): sends a published transactional e-mail to `message.to`, asynchronously (the answer
 * is a PENDING status with its `statusId`), creating the contact when none has that address.
 * https://developers.hubspot.com/docs/api-reference/latest/marketing/transactional-emails/create-transactional-email,
 * https://developers.hubspot.com/docs/methods/email/transactional_email/single-send-overview
 */
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function transactionalRoutes(router: Router): void {
  /**
   * Marketing emails v3, readable with `content`, `marketing-email` or `transactional-email`; only the fields the
   * connector reads (`isTransactional`, `isPublished`). https://developers.hubspot.com/docs/api/marketing/marketing-email
   */
  router.get(
    '/marketing/v3/emails',
    { scopes: () => ['content', 'marketing-email', 'transactional-email'] },
    (req, portal) => {
      const limit = req.query.int('limit', { fallback: 10, min: 1, max: 100 });
      const after = req.query.int('after', { fallback: 0, min: 0 });
      const emails = portal.marketing.allEmails().map((e) => ({
        id: String(e.id),
        name: e.name,
        isTransactional: true,
        isPublished: e.published,
        state: e.published ? 'PUBLISHED' : 'DRAFT',
        archived: false,
      }));
      return json(200, page(emails, after, limit, req.rawPath));
    },
  );

  router.post(
    '/marketing/v3/transactional/single-email/send',
    { scopes: () => ['transactional-email'] },
    (req, portal) => {
      requireFeature(portal, 'transactionalEmail');
      const body = objectBody(req);
      const emailId = Number(body.emailId);
      const email = portal.marketing.email(emailId);
      // Messages: UNVERIFIED.
      if (!email?.published)
        throw validationError(`emailId ${body.emailId} is not a published transactional email.`);
      const message = (body.message ?? {}) as Record<string, unknown>;
      const to = String(message.to ?? '');
      if (!EMAIL.test(to)) throw validationError('message.to must be a valid email address.');
      const customProperties = objectOf(body.customProperties, 'customProperties');
      const contactProperties = objectOf(body.contactProperties, 'contactProperties');
      const contacts = portal.objectTypes.resolve('contacts');
      if (!findByIdProperty(portal, contacts, 'email', to)) {
        const properties = Object.fromEntries(
          Object.entries(contactProperties).map(([k, v]) => [k, String(v)]),
        );
        createRecord(portal, contacts, { properties: { ...properties, email: to } }, req.auth);
      }
      const statusId = portal.marketing.nextStatusId();
      const requestedAt = portal.now();
      portal.marketing.sends.push({
        statusId,
        emailId,
        to,
        customProperties,
        contactProperties,
        requestedAt,
      });
      return json(200, { status: 'PENDING', statusId, requestedAt: iso(requestedAt) });
    },
  );
}

function objectOf(raw: unknown, name: string): Record<string, unknown> {
  if (raw === undefined) return {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw validationError(`${name} must be an object.`);
  return raw as Record<string, unknown>;
}
