import { FieldValidationError } from '../../hubspot/coerce';
import { paths } from '../../hubspot/paths';
import { choiceInput, emailInput, optionalText } from '../inputs';
import { requiredText } from '../records';
import type { InputFieldDef, OperationDef } from '../types';

/**
 * Subscribes or unsubscribes a contact's e-mail to one subscription type through subscription preferences v4
 * (`POST /communication-preferences/v4/statuses/{email}`), which, unlike v3's subscribe, may resubscribe a contact
 * who opted out (only do so with their consent). Portals with GDPR features on need a legal basis and its
 * explanation. Scope `communication_preferences.write`.
 * https://developers.hubspot.com/docs/api-reference/legacy/communication-preferences/guide,
 * https://developers.hubspot.com/docs/api-reference/latest/communication-preferences/status/update-subscription
 */
const STATUS_CHOICES = [
  { value: 'SUBSCRIBED', label: 'Subscribe' },
  { value: 'NOT_SUBSCRIBED', label: 'Unsubscribe' },
];

export const LEGAL_BASIS_CHOICES = [
  { value: 'CONSENT_WITH_NOTICE', label: 'Freely given consent from contact' },
  { value: 'LEGITIMATE_INTEREST_PQL', label: 'Legitimate interest – prospect/lead' },
  { value: 'LEGITIMATE_INTEREST_CLIENT', label: 'Legitimate interest – existing customer' },
  { value: 'LEGITIMATE_INTEREST_OTHER', label: 'Legitimate interest – other' },
  { value: 'PERFORMANCE_OF_CONTRACT', label: 'Performance of a contract' },
  { value: 'PROCESS_AND_STORE', label: 'Process and store' },
  { value: 'NON_GDPR', label: 'Not subject to GDPR' },
];

const emailField: InputFieldDef = {
  key: 'email',
  label: 'Contact e-mail',
  required: true,
  helpText: 'The e-mail address whose subscription changes (a contact need not exist yet).',
};
const typeField: InputFieldDef = {
  key: 'subscription_id',
  label: 'Subscription type',
  required: true,
  dropdown: { kind: 'subscriptionTypes' },
  helpText: 'An active subscription type of the account.',
};
const statusField: InputFieldDef = {
  key: 'status',
  label: 'Subscribe or unsubscribe',
  required: true,
  choices: STATUS_CHOICES,
  helpText: 'Subscribing a contact who opted out resubscribes them: only do it at their request.',
};
const basisField: InputFieldDef = {
  key: 'legal_basis',
  label: 'Legal basis',
  choices: LEGAL_BASIS_CHOICES,
  helpText: 'Required when the HubSpot account has GDPR features turned on; then give the explanation too.',
};
const explanationField: InputFieldDef = {
  key: 'legal_basis_explanation',
  label: 'Legal basis explanation',
  helpText: 'Why the legal basis applies (e.g. "Ticked the newsletter box on the checkout page").',
};

export const updateSubscription: OperationDef = {
  key: 'update_subscription',
  kind: 'create',
  noun: 'Subscription',
  label: 'Subscribe or Unsubscribe Contact',
  description: 'Subscribes or unsubscribes a contact’s e-mail to a subscription type.',
  inputFields: [emailField, typeField, statusField, basisField, explanationField],
  outputFields: [
    { key: 'subscriberIdString', label: 'E-mail' },
    { key: 'subscriptionId', label: 'Subscription type ID' },
    { key: 'subscriptionName', label: 'Subscription type' },
    { key: 'status', label: 'Status' },
  ],
  sample: {
    subscriberIdString: 'ada.lovelace@example.com',
    subscriptionId: '7001',
    subscriptionName: 'Newsletter',
    status: 'SUBSCRIBED',
    channel: 'EMAIL',
    timestamp: '2026-01-05T09:00:00.000Z',
  },
  calls: { endpoints: [`POST ${paths.communicationPreferences.status('{email}')}`], perRun: '1' },
  async perform(ctx) {
    const email = emailInput(ctx, emailField)!;
    const subscriptionId = requiredText(ctx, typeField.key, typeField.label);
    if (!/^\d+$/.test(subscriptionId))
      throw new FieldValidationError(
        typeField.key,
        typeField.label,
        `"${subscriptionId}" is not a subscription type ID.`,
      );
    const status = choiceInput(ctx, statusField);
    if (!status) throw new FieldValidationError(statusField.key, statusField.label, 'is required.');
    const legalBasis = choiceInput(ctx, basisField);
    const explanation = optionalText(ctx, explanationField);
    if (legalBasis && !explanation)
      throw new FieldValidationError(
        explanationField.key,
        explanationField.label,
        'is required with a legal basis.',
      );
    const { data } = await ctx.api.request<{ results: Array<Record<string, unknown>> }>({
      method: 'POST',
      path: paths.communicationPreferences.status(email),
      json: {
        channel: 'EMAIL',
        statusState: status,
        subscriptionId: Number(subscriptionId),
        ...(legalBasis ? { legalBasis, legalBasisExplanation: explanation } : {}),
      },
      // Setting a status twice leaves it as it is (`NO_STATUS_CHANGE`): safe to repeat after a lost answer.
      idempotent: true,
    });
    const result = data.results[0] ?? {};
    return { ...result, subscriptionId: String(result.subscriptionId ?? subscriptionId) };
  },
};
