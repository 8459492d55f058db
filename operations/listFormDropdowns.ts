import { paths } from '../hubspot/paths';
import { dropdown } from './hiddenDropdown';
import type { OperationContext, OperationDef, OperationResult } from './types';

/**
 * Hidden operations behind the list and form dropdowns. Lists: `POST /crm/v3/lists/search` (offset paging, up to 500
 * a call); a portal can hold thousands, so the dropdown is paged: each page the platform asks for reads the next
 * 2,500 lists, and a page past the end comes back empty. Forms: `GET /marketing/v3/forms` (cursor paging), read to the
 * end in one answer, since portals keep far fewer forms than lists.
 */

const hidden = (
  key: string,
  noun: string,
  endpoint: string,
  perform: OperationDef['perform'],
  perRun: string,
): OperationDef =>
  dropdown(key, noun, perform, endpoint, { sample: { id: '12', label: 'Webinar attendees' }, perRun });

const LISTS_PER_CALL = 500;
/** HubSpot calls per dropdown page: 2,500 lists, well inside a step's time. */
const LIST_CALLS_PER_PAGE = 5;
/** Stops a runaway loop on a misbehaving answer; 5,000 forms is far beyond any real portal. */
const MAX_FORM_PAGES = 50;

export const listDropdown = (key: string): OperationDef => ({
  ...hidden(
    key,
    'List',
    `POST ${paths.lists.search()}`,
    async (ctx: OperationContext) => {
      const items: Array<OperationResult & { manual: boolean }> = [];
      let offset = ctx.page * LISTS_PER_CALL * LIST_CALLS_PER_PAGE;
      for (let call = 0; call < LIST_CALLS_PER_PAGE; call++) {
        const { data } = await ctx.api.request<{
          lists: Array<{ listId: string; name: string; processingType: string }>;
          hasMore: boolean;
          offset: number;
        }>({
          method: 'POST',
          path: paths.lists.search(),
          json: { offset, count: LISTS_PER_CALL },
          idempotent: true,
        });
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
      // Static lists first: only they take members from add_to_list / remove_from_list.
      return items
        .sort((a, b) => Number(b.manual) - Number(a.manual))
        .map(({ id, label }) => ({ id, label }));
    },
    `1 per 500 lists, at most ${LIST_CALLS_PER_PAGE} per dropdown page`,
  ),
  paged: true,
});

export const formDropdown = (key: string): OperationDef =>
  hidden(
    key,
    'Form',
    `GET ${paths.forms.list()}`,
    async (ctx: OperationContext) => {
      const items: OperationResult[] = [];
      let after: string | undefined;
      for (let page = 0; page < MAX_FORM_PAGES; page++) {
        const { data } = await ctx.api.request<{
          results: Array<{ id: string; name: string }>;
          paging?: { next?: { after: string } };
        }>({ method: 'GET', path: paths.forms.list(), query: { limit: 100, after } });
        items.push(...data.results.map((f) => ({ id: f.id, label: f.name })));
        after = data.paging?.next?.after;
        if (!after) return items;
      }
      ctx.log('The form dropdown shows the first forms only; type a form id to use another.', {
        shown: items.length,
      });
      return items;
    },
    '1 per 100 forms',
  );
