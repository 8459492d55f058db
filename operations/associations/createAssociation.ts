import { paths } from '../../hubspot/paths';
import type { OperationDef } from '../types';
import { FROM_ID, FROM_TYPE, LABEL, pairInput, TO_ID, TO_TYPE, toSpec } from './fields';
import { ASSOCIATION_OUTPUT_FIELDS, associationPairOutput, SAMPLE_ASSOCIATION } from './output';

/**
 * Associates two records, with a label or without. Unlabelled: one `PUT .../associations/default/{toType}/{toId}`.
 * Labelled: the label is checked against the portal's labels (`GET .../labels`), then one `PUT` with the label's
 * type. https://developers.hubspot.com/docs/api/crm/associations/v4
 */
export const createAssociation: OperationDef = {
  key: 'create_association',
  kind: 'create',
  noun: 'Association',
  label: 'Create Association',
  description:
    "Associates two records (any object types), optionally with one of the portal's association labels.",
  inputFields: [FROM_TYPE, FROM_ID, TO_TYPE, TO_ID, LABEL],
  outputFields: ASSOCIATION_OUTPUT_FIELDS,
  sample: SAMPLE_ASSOCIATION,
  code: {
    reason:
      "A labelled association checks the label against the portal's labels for the two types first (a read whose answer decides the second request), and an unlabelled one takes another path; the declaration has no condition between requests.",
  },
  calls: {
    endpoints: [
      `PUT ${paths.associations.putDefault('{fromType}', '{fromId}', '{toType}', '{toId}')}`,
      `GET ${paths.associations.labels('{fromType}', '{toType}')}`,
      `PUT ${paths.associations.pair('{fromType}', '{fromId}', '{toType}', '{toId}')}`,
    ],
    perRun: '1 unlabelled; 2 with a label (labels check + write)',
  },
  async perform(ctx) {
    const { from, fromId, to, toId, label } = await pairInput(ctx);
    if (!label) {
      await ctx.api.request({
        method: 'PUT',
        path: paths.associations.putDefault(from.name, fromId, to.name, toId),
      });
      return associationPairOutput(from.name, fromId, to.name, toId, []);
    }
    const { data } = await ctx.api.request<{ labels?: string[] }>({
      method: 'PUT',
      path: paths.associations.pair(from.name, fromId, to.name, toId),
      json: [toSpec(label)],
    });
    return associationPairOutput(from.name, fromId, to.name, toId, data.labels ?? []);
  },
};
