import type { HubSpotClient } from '../hubspot/client';
import { paths } from '../hubspot/paths';

/**
 * CRM search request and answer shapes. https://developers.hubspot.com/docs/api/crm/search
 */

export type SearchOperator =
  | 'EQ'
  | 'NEQ'
  | 'LT'
  | 'LTE'
  | 'GT'
  | 'GTE'
  | 'BETWEEN'
  | 'IN'
  | 'NOT_IN'
  | 'HAS_PROPERTY'
  | 'NOT_HAS_PROPERTY'
  | 'CONTAINS_TOKEN'
  | 'NOT_CONTAINS_TOKEN';

export interface SearchFilter {
  propertyName: string;
  operator: SearchOperator;
  value?: string;
  highValue?: string;
  values?: string[];
}

export interface SearchRequest {
  filterGroups?: Array<{ filters: SearchFilter[] }>;
  sorts?: Array<{ propertyName: string; direction: 'ASCENDING' | 'DESCENDING' }>;
  query?: string;
  properties?: string[];
  limit?: number;
  after?: string;
}

export interface HubSpotRecord {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived?: boolean;
  archivedAt?: string;
  propertiesWithHistory?: Record<string, HistoryValue[]>;
  associations?: Record<string, { results: Array<{ id: string; type: string }> }>;
}

export interface HistoryValue {
  value: string;
  timestamp: string;
  sourceType: string;
  sourceId?: string;
  sourceLabel?: string;
  updatedByUserId?: number;
}

export interface SearchPage {
  total: number;
  results: HubSpotRecord[];
  paging?: { next?: { after: string } };
}

export async function searchRecords(
  api: HubSpotClient,
  objectType: string,
  body: SearchRequest,
): Promise<SearchPage> {
  const { data } = await api.request<SearchPage>({
    method: 'POST',
    path: paths.objects.search(objectType),
    json: body,
    lane: 'search',
    idempotent: true,
  });
  return data;
}
