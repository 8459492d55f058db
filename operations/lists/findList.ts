import { findStandardObjectType } from '../../hubspot/objectTypes';
import { paths } from '../../hubspot/paths';
import { requiredText, segmentValue } from '../records';
import type { OperationDef } from '../types';
import { type HubSpotList, listOutput, listOutputFields, SAMPLE_LIST } from './common';

/**
 * Finds a list by id (`GET /crm/v3/lists/{listId}`) or by its exact name for an object type
 * (`GET /crm/v3/lists/object-type-id/{objectTypeId}/name/{listName}`). https://developers.hubspot.com/docs/api/crm/lists
 */
export const findList: OperationDef = {
  key: 'find_list',
  kind: 'search',
  noun: 'List',
  label: 'Find List',
  description: 'Finds a list by its ID or exact name.',
  inputFields: [
    {
      key: 'name_or_id',
      label: 'List name or ID',
      required: true,
      helpText: "The list's exact name, or its list ID (a number).",
      dropdown: { kind: 'lists' },
    },
    {
      key: 'object_type',
      label: 'Records in the list',
      default: 'contacts',
      choices: [
        { value: 'contacts', label: 'Contacts' },
        { value: 'companies', label: 'Companies' },
        { value: 'deals', label: 'Deals' },
        { value: 'tickets', label: 'Tickets' },
      ],
      helpText: 'Names are unique per object type; used when finding by name.',
    },
  ],
  outputFields: listOutputFields,
  sample: SAMPLE_LIST,
  code: {
    reason:
      "A numeric value is tried as a list id and, on 404, as a name; the second request depends on the first one's status.",
  },
  calls: {
    endpoints: [
      `GET ${paths.lists.one('{listId}')}`,
      `GET ${paths.lists.byName('{objectTypeId}', '{listName}')}`,
    ],
    perRun: '1 (2 when a numeric value is a name, not an id)',
  },
  async perform(ctx) {
    const value = segmentValue(requiredText(ctx, 'name_or_id', 'List name or ID'), {
      key: 'name_or_id',
      label: 'List name or ID',
    });
    if (/^\d+$/.test(value)) {
      const byId = await get(ctx.api, paths.lists.one(value));
      if (byId) return [listOutput(byId)];
    }
    const type = findStandardObjectType(String(ctx.input.object_type || 'contacts'));
    const byName = await get(ctx.api, paths.lists.byName(type?.objectTypeId ?? '0-1', value));
    return byName ? [listOutput(byName)] : [];
  },
};

async function get(
  api: Parameters<OperationDef['perform']>[0]['api'],
  path: string,
): Promise<HubSpotList | undefined> {
  const { status, data } = await api.request<{ list: HubSpotList }>({
    method: 'GET',
    path,
    acceptStatuses: [404],
  });
  return status === 404 ? undefined : data.list;
}
