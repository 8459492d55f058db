/**
 * What every sales, commerce and object-library record carries: its id, `hs_createdate` and `hs_lastmodifieddate`
 * (the three properties a read answers by default, as in the example answers of
 * https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/orders/guide), and its owner.
 */
import { datetime, type PropertySpec } from './build';
import { owner, recordId } from './common';

export const recordBase = (groupName: string): PropertySpec[] => [
  recordId(groupName),
  datetime('hs_createdate', 'Create date', groupName, { readOnly: true }),
  datetime('hs_lastmodifieddate', 'Last modified date', groupName, { readOnly: true }),
  owner('Owner', groupName),
];
