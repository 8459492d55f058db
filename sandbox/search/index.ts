/** CRM search over the sandbox's records: request checks, index with lag, filters, paging, result shape. */
export { runSearch, type SearchOutcome } from './execute';
export { parseSearchRequest, type SearchRequest } from './request';
export { searchIndexFor } from './searchIndex';
