import { paths } from '../hubspot/paths';
import { dropdown } from './hiddenDropdown';
import type { OperationContext, OperationDef, OperationResult } from './types';

/**
 * Hidden operations behind the list and form dropdowns. Both page through HubSpot until every item is read, so no
 * list or form is out of reach. Lists: `POST /crm/v3/lists/search` (offset paging, static lists first); forms:
 * `GET /marketing/v3/forms` (cursor paging).
 */

const hidden = (
  key: string,
  noun: string,
  endpoint: string,
  perform: OperationDef['perform'],
): OperationDef =>
  dropdown(key, noun, perform, endpoint, {
    sample: { id: '12', label: 'Webinar attendees' },
    perRun: '1 per 500 lists / 100 forms',
  });

/** Enough for any real portal; stops a runaway loop on a misbehaving answer. */
const MAX_PAGES = 50;

export const listDropdown = (key: string) =>
  hidden(key, 'List', `POST ${paths.lists.search()}`, async (ctx: OperationContext) => {
    const items: Array<OperationResult & { manual: boolean }> = [];
    let offset = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const { data } = await ctx.api.request<{
        lists: Array<{ listId: string; name: string; processingType: string }>;
        hasMore: boolean;
        offset: number;
      }>({ method: 'POST', path: paths.lists.search(), json: { offset, count: 500 }, idempotent: true });
      for (const l of data.lists) {
        items.push({
          id: l.listId,
          label: `${l.name} (${l.processingType.toLowerCase()})`,
          manual: l.processingType !== 'DYNAMIC',
        });
      }
      if (!data.hasMore) break;
      offset = data.offset;
    }
    return items.sort((a, b) => Number(b.manual) - Number(a.manual)).map(({ id, label }) => ({ id, label }));
  });

export const formDropdown = (key: string) =>
  hidden(key, 'Form', `GET ${paths.forms.list()}`, async (ctx: OperationContext) => {
    const items: OperationResult[] = [];
    let after: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const { data } = await ctx.api.request<{
        results: Array<{ id: string; name: string }>;
        paging?: { next?: { after: string } };
      }>({ method: 'GET', path: paths.forms.list(), query: { limit: 100, after } });
      items.push(...data.results.map((f) => ({ id: f.id, label: f.name })));
      after = data.paging?.next?.after;
      if (!after) break;
    }
    return items;
  });
