import type { Difference } from './differences';

/**
 * Where the instant triggers differ between Zapier and Make for the same delivery, and why; the instant parity suite
 * fails on a difference missing here and on a reason whose difference no longer occurs.
 */

const READ_PER_EVENT =
  'Zapier reads every record of a delivery in one batch read; a Make instant trigger module may make one request per ' +
  'bundle and has no iterate ("Only a single request can be performed", ' +
  'https://developers.make.com/custom-apps-documentation/app-components/modules/instant-trigger), and the webhook ' +
  'that splits the delivery into one bundle per event cannot make requests, so Make reads one record per event ' +
  '(the same batch/read endpoint with one id).';

const PIPELINE_ONLY =
  "A pipeline without a stage is checked on the deal as read, which Zapier's perform can filter on; a Make instant " +
  'trigger outputs exactly one bundle per webhook bundle and cannot drop one after its read, so Make keeps deals of ' +
  'every pipeline (choose a stage, which names its pipeline, or add a Make filter on Properties: pipeline).';

/**
 * A delivery of one event (or one record) costs one read on both platforms: the scenarios of deal stage (two moves,
 * one into the chosen stage), property change of any object, association change and merge are the same.
 */
export const INSTANT_DIFFERENCES: Record<string, Difference> = {
  new_contact_instant: { requests: READ_PER_EVENT },
  contact_property_change_instant: { requests: READ_PER_EVENT },
  new_company_instant: { requests: READ_PER_EVENT },
  new_ticket_instant: { requests: READ_PER_EVENT },
  new_object_instant: { requests: READ_PER_EVENT },
  new_deal_instant: { requests: READ_PER_EVENT },
  'deal_stage_changed_instant#2': { requests: READ_PER_EVENT, output: PIPELINE_ONLY },
};
