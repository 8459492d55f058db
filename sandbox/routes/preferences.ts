import { validationError } from '../errors';
import { LEGAL_BASES } from '../facts/products';
import { json, objectBody } from '../http';
import { iso } from '../objects/read';
import type { Router } from '../router';
import type { SubscriptionDefinition, SubscriptionStatus } from '../state/marketing';

/**
 * Subscription preferences v4: `GET /communication-preferences/v4/definitions` and
 * `POST /communication-preferences/v4/statuses/{subscriberIdString}` (one status of one contact, by e-mail, on the
 * EMAIL channel), which, unlike v3, may resubscribe a contact who opted out. A portal with GDPR features on requires
 * a legal basis and its explanation.
 * https://developers.hubspot.com/docs/api-reference/legacy/communication-preferences/guide,
 * https://developers.hubspot.com/docs/api-reference/latest/communication-preferences/status/update-subscription
 */
const STATES = ['SUBSCRIBED', 'NOT_SUBSCRIBED', 'NOT_SPECIFIED'] as const;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function preferenceRoutes(router: Router): void {
  router.get(
    '/communication-preferences/v4/definitions',
    { scopes: () => ['communication_preferences.read', 'communication_preferences.write'] },
    (_req, portal) => {
      const at = iso(portal.now());
      return json(200, {
        status: 'COMPLETE',
        results: portal.marketing.allDefinitions().map(definitionView),
        startedAt: at,
        completedAt: at,
      });
    },
  );

  router.post(
    '/communication-preferences/v4/statuses/:subscriber',
    { scopes: () => ['communication_preferences.write'] },
    (req, portal) => {
      const subscriber = req.params.subscriber!;
      if (!EMAIL.test(subscriber)) throw validationError(`${subscriber} is not a valid email address.`);
      const body = objectBody(req);
      if (body.channel !== 'EMAIL') throw validationError('channel is required and must be EMAIL.');
      const state = body.statusState as SubscriptionStatus['status'];
      if (!STATES.includes(state)) throw validationError(`statusState must be one of ${STATES.join(', ')}.`);
      const definition = portal.marketing.definition(String(body.subscriptionId ?? ''));
      if (!definition?.isActive)
        throw validationError(`subscriptionId ${body.subscriptionId} is not an active subscription type.`);
      const legalBasis = body.legalBasis === undefined ? undefined : String(body.legalBasis);
      if (legalBasis !== undefined && !LEGAL_BASES.includes(legalBasis as never))
        throw validationError(`legalBasis must be one of ${LEGAL_BASES.join(', ')}.`);
      const explanation = body.legalBasisExplanation ? String(body.legalBasisExplanation) : undefined;
      if (portal.marketing.gdprEnabled && (!legalBasis || !explanation))
        throw validationError('legalBasis and legalBasisExplanation are required when GDPR is enabled.');
      const before = portal.marketing.status(subscriber, definition.id)?.status;
      const status: SubscriptionStatus = {
        subscriberIdString: subscriber,
        subscriptionId: definition.id,
        status: state,
        ...(legalBasis ? { legalBasis } : {}),
        ...(explanation ? { legalBasisExplanation: explanation } : {}),
        timestamp: portal.now(),
      };
      portal.marketing.setStatus(status);
      const at = iso(portal.now());
      return json(200, {
        status: 'COMPLETE',
        results: [
          {
            channel: 'EMAIL',
            status: state,
            subscriberIdString: subscriber,
            subscriptionId: Number(definition.id),
            subscriptionName: definition.name,
            source: 'PUBLIC_STATUS_API',
            timestamp: at,
            ...(legalBasis ? { legalBasis } : {}),
            ...(explanation ? { legalBasisExplanation: explanation } : {}),
            ...(before === state ? { setStatusSuccessReason: 'NO_STATUS_CHANGE' } : {}),
          },
        ],
        startedAt: at,
        completedAt: at,
      });
    },
  );
}

const definitionView = (d: SubscriptionDefinition) => ({
  ...d,
  createdAt: iso(d.createdAt),
  updatedAt: iso(d.updatedAt),
});
