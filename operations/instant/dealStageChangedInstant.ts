import { dealStageChanged } from '../deals/dealStageChanged';
import { PIPELINE_PROPERTIES } from '../pipelines';
import { instantTrigger } from './build';
import { PROPERTY_EVENT_FIELDS } from './fields';
import { sampleEvent } from './samples';

const { pipeline: PIPELINE, stage: STAGE } = PIPELINE_PROPERTIES.deals!;
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/**
 * The relay watches `dealstage` and, when a stage is chosen, delivers only moves into it (`values`). A pipeline
 * without a stage is checked on the deal as read (its `pipeline` property), since a filter of the pipeline's stage
 * ids taken at subscribe time would miss stages added later; a deal deleted before the read cannot be checked and is
 * left out.
 */
export const dealStageChangedInstant = instantTrigger({
  key: 'deal_stage_changed_instant',
  polling: dealStageChanged,
  event: 'propertyChange',
  objectType: 'deals',
  label: 'Deal Stage Changed',
  description:
    'Triggers when a deal moves to another stage, optionally only in one pipeline or into one stage.',
  inputFields: dealStageChanged.inputFields.filter((f) => f.key === PIPELINE || f.key === STAGE),
  property: STAGE,
  values: (input) => (text(input[STAGE]) ? [text(input[STAGE])!] : undefined),
  // The relay delivers only moves into the chosen stage; a delivery is checked again, so a wider one reads nothing more.
  accept: (input, event) => !text(input[STAGE]) || event.propertyValue === text(input[STAGE]),
  keep: (input, _event, record) => {
    const pipeline = text(input[PIPELINE]);
    return !pipeline || record?.properties[PIPELINE] === pipeline;
  },
  eventOutputFields: PROPERTY_EVENT_FIELDS,
  sampleEvent: sampleEvent(String(dealStageChanged.sample.record_id), 'propertyChange', {
    property_name: STAGE,
    property_value: 'qualifiedtobuy',
    change_source: 'CRM_UI',
  }),
});
