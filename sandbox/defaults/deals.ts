/**
 * Default deal properties, from https://knowledge.hubspot.com/properties/hubspots-default-deal-properties and
 * https://developers.hubspot.com/docs/api/crm/deals. `pipeline` and `dealstage` take pipeline and stage ids;
 * their options come from the portal's pipelines (`/crm/v3/pipelines/deals`), so the sandbox fills them at runtime.
 */
import {
  bool,
  datetime,
  enumeration,
  group,
  number,
  type ObjectDefaults,
  radio,
  text,
  textarea,
} from './build';
import { activityRollups, CURRENCIES, crmSystemProperties, owner, recurringRevenueRollups } from './common';

const info = 'dealinformation';
const activity = 'deal_activity';

export const dealDefaults: ObjectDefaults = {
  formFields: false,
  groups: [group(info, 'Deal information'), group(activity, 'Deal activity')],
  properties: [
    ...crmSystemProperties(info),
    text('dealname', 'Deal Name', info),
    number('amount', 'Amount', info),
    datetime('closedate', 'Close Date', info),
    enumeration('pipeline', 'Pipeline', info, []),
    radio('dealstage', 'Deal Stage', info, []),
    radio('dealtype', 'Deal Type', info, [
      ['newbusiness', 'New Business'],
      ['existingbusiness', 'Existing Business'],
    ]),
    textarea('description', 'Deal Description', info),
    owner('Deal owner', info),
    enumeration('hs_priority', 'Priority', info, [
      ['low', 'Low'],
      ['medium', 'Medium'],
      ['high', 'High'],
    ]),
    enumeration('deal_currency_code', 'Currency', info, CURRENCIES),
    textarea('hs_next_step', 'Next step', info),
    textarea('closed_lost_reason', 'Closed Lost Reason', info),
    textarea('closed_won_reason', 'Closed Won Reason', info),
    number('hs_forecast_probability', 'Forecast probability', info),
    // Follows the stage's probability metadata; HubSpot sets it when the stage changes.
    number('hs_deal_stage_probability', 'Deal probability', info, { readOnly: true }),
    number('hs_deal_stage_probability_shadow', 'Deal stage probability shadow', info, {
      calculated: true,
      hidden: true,
    }),
    number('amount_in_home_currency', 'Amount in company currency', info, { calculated: true }),
    number('hs_forecast_amount', 'Forecast amount', info, { calculated: true }),
    number('hs_closed_amount', 'Closed Deal Amount', info, { calculated: true }),
    number('days_to_close', 'Days to close', info, { calculated: true }),
    bool('hs_is_closed', 'Is Deal Closed?', info, { calculated: true }),
    bool('hs_is_closed_won', 'Is Closed Won', info, { calculated: true }),
    ...recurringRevenueRollups(info),
    number('num_associated_contacts', 'Number of Contacts', info, { calculated: true }),
    ...activityRollups(activity),
  ],
};
