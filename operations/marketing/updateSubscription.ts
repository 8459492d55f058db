import { FieldValidationError } from '../../hubspot/coerce';
import { paths } from '../../hubspot/paths';
import { declaredEndpoints } from '../endpoints';
import { choiceInput, emailInput, optionalText } from '../inputs';
import { recordIdInput } from '../records';
import { answer, input, path, type RequestSpec } from '../request';
import { CONTACTS, runDeclared } from '../runDeclared';
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

/** One status on the EMAIL channel; the answer is a batch-style envelope holding the one result. */
const STATUS_CHANGE: RequestSpec = {
  method: 'POST',
  path: path(paths.communicationPreferences.status, input('email')),
  body: {
    channel: 'EMAIL',
    statusState: input('status'),
    subscriptionId: input('subscription_id', { recordId: true }),
    legalBasis: input('legal_basis', { optional: true }),
    legalBasisExplanation: input('legal_basis_explanation', { optional: true }),
  },
  // Setting a status twice leaves it as it is (`NO_STATUS_CHANGE`): safe to repeat after a lost answer.
  idempotent: true,
  output: {
    kind: 'fixed',
    fields: {
      subscriberIdString: answer('results[1].subscriberIdString'),
      subscriptionId: input('subscription_id'),
      subscriptionName: answer('results[1].subscriptionName'),
      status: answer('results[1].status'),
      channel: 'EMAIL',
      timestamp: answer('results[1].timestamp'),
    },
  },
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
  calls: { endpoints: declaredEndpoints([STATUS_CHANGE], CONTACTS), perRun: '1' },
  requests: [STATUS_CHANGE],
  code: { reason: 'The e-mail, status and legal basis are checked before sending, naming the field.' },
  async perform(ctx) {
    emailInput(ctx, emailField);
    recordIdInput(ctx, typeField);
    if (!choiceInput(ctx, statusField))
      throw new FieldValidationError(statusField.key, statusField.label, 'is required.');
    const legalBasis = choiceInput(ctx, basisField);
    if (legalBasis && !optionalText(ctx, explanationField))
      throw new FieldValidationError(
        explanationField.key,
        explanationField.label,
        'is required with a legal basis.',
      );
    return runDeclared(ctx, updateSubscription, [STATUS_CHANGE]);
  },
};
