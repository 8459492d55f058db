import { paths } from '../../hubspot/paths';
import type { OperationDef } from '../types';
import { FROM_ID, FROM_TYPE, LABEL, pairInput, TO_ID, TO_TYPE, toSpec } from './fields';
import { ASSOCIATION_OUTPUT_FIELDS, associationPairOutput, SAMPLE_ASSOCIATION } from './output';

/**
 * Removes the association between two records: all of it (`DELETE .../associations/{toType}/{toId}`), or only one
 * label (`POST .../batch/labels/archive`), leaving the records associated.
 * https://developers.hubspot.com/docs/api/crm/associations/v4
 */
export const removeAssociation: OperationDef = {
  key: 'remove_association',
  kind: 'create',
  noun: 'Association',
  label: 'Remove Association',
  description: 'Removes the association between two records, or only one of its labels.',
  warning:
    'The association (or the chosen label) is removed at once, and this step cannot undo it: to link the records ' +
    'again, use Create Association.',
  inputFields: [
    FROM_TYPE,
    FROM_ID,
    TO_TYPE,
    TO_ID,
    {
      ...LABEL,
      helpText:
        'Remove only this label and keep the records associated. Leave empty to remove the association altogether.',
    },
  ],
  outputFields: ASSOCIATION_OUTPUT_FIELDS,
  sample: { ...SAMPLE_ASSOCIATION, labels: [] },
  code: {
    reason:
      "Removing one label reads the portal's labels first and sends the archive only for a label that exists, while removing the whole association is one DELETE; the declaration has no condition between requests.",
  },
  calls: {
    endpoints: [
      `DELETE ${paths.associations.pair('{fromType}', '{fromId}', '{toType}', '{toId}')}`,
      `GET ${paths.associations.labels('{fromType}', '{toType}')}`,
      `POST ${paths.associations.batch('{fromType}', '{toType}', 'labels/archive')}`,
    ],
    perRun: '1 for the whole association; 2 for one label (labels check + removal)',
  },
  async perform(ctx) {
    const { from, fromId, to, toId, label } = await pairInput(ctx);
    if (!label) {
      await ctx.api.request({
        method: 'DELETE',
        path: paths.associations.pair(from.name, fromId, to.name, toId),
      });
    } else {
      await ctx.api.request({
        method: 'POST',
        path: paths.associations.batch(from.name, to.name, 'labels/archive'),
        json: { inputs: [{ from: { id: fromId }, to: { id: toId }, types: [toSpec(label)] }] },
      });
    }
    return { ...associationPairOutput(from.name, fromId, to.name, toId, []), removed: label?.label ?? 'all' };
  },
};
