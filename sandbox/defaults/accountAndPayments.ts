/**
 * Default properties of users (https://developers.hubspot.com/docs/api-reference/latest/crm/objects/users/guide:
 * working hours, time zone, additional phone, job title), goal targets
 * (https://developers.hubspot.com/docs/api-reference/latest/crm/objects/goals/guide), payments
 * (https://developers.hubspot.com/docs/api-reference/latest/crm/objects/commerce-payments/guide: a create carries
 * `hs_initial_amount` and `hs_initiated_date`) and commerce subscriptions
 * (https://developers.hubspot.com/docs/api-reference/latest/crm/objects/commerce-subscriptions/guide).
 * Only the properties the guides name or the connector's steps need; a portal's real list is longer.
 */
import { datetime, group, number, type ObjectDefaults, phone, text } from './build';
import { recordBase } from './records';

const user = 'userinformation';

export const userDefaults: ObjectDefaults = {
  formFields: false,
  groups: [group(user, 'User information')],
  properties: [
    ...recordBase(user),
    // The e-mail belongs to the login (user provisioning); this API does not change it.
    text('hs_email', 'Email', user, { readOnly: true }),
    text('hs_given_name', 'First name', user, { readOnly: true }),
    text('hs_family_name', 'Last name', user, { readOnly: true }),
    text('hs_job_title', 'Job title', user),
    phone('hs_additional_phone', 'Additional phone number', user),
    text('hs_standard_time_zone', 'Time zone', user),
    text('hs_working_hours', 'Working hours', user),
  ],
};

const goal = 'goalinformation';

export const goalTargetDefaults: ObjectDefaults = {
  formFields: false,
  groups: [group(goal, 'Goal target information')],
  properties: [
    ...recordBase(goal),
    text('hs_goal_name', 'Goal name', goal, { readOnly: true }),
    number('hs_target_amount', 'Target', goal, { readOnly: true }),
    datetime('hs_start_datetime', 'Start date', goal, { readOnly: true }),
    datetime('hs_end_datetime', 'End date', goal, { readOnly: true }),
  ],
};

const payment = 'paymentinformation';

export const paymentDefaults: ObjectDefaults = {
  formFields: false,
  groups: [group(payment, 'Payment information')],
  properties: [
    ...recordBase(payment),
    number('hs_initial_amount', 'Gross amount', payment),
    datetime('hs_initiated_date', 'Payment date', payment),
    text('hs_currency_code', 'Currency', payment),
    text('hs_reference_number', 'Reference number', payment),
  ],
};

const subscription = 'subscriptioninformation';

export const subscriptionDefaults: ObjectDefaults = {
  formFields: false,
  groups: [group(subscription, 'Subscription information')],
  properties: [
    ...recordBase(subscription),
    text('hs_name', 'Name', subscription),
    datetime('hs_recurring_billing_start_date', 'Billing start date', subscription),
  ],
};
