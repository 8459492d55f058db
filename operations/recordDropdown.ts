import { findStandardObjectType, type ObjectTypeDef } from '../hubspot/objectTypes';
import { paths } from '../hubspot/paths';
import { dropdown } from './hiddenDropdown';
import { listObjectType, readList } from './lists/common';
import { objectTypeFromValue, typeNameFromInput } from './objectTypeRef';
import { type HubSpotRecord, searchRecords } from './search';
import type { InputFieldDef, ObjectTypeRef, OperationContext, OperationDef, OperationResult } from './types';

/**
 * Inputs that take a record id offer the newest records of the type in a dropdown and link the type's Find step, so
 * the editor can add one: a Zap builder never has to type an id (Zapier's checks D004 and D014: a search link shows
 * only on a field that also has a dynamic dropdown).
 * https://github.com/zapier/visual-builder/blob/main/docs/_publish/validation/integration-checks-reference.md
 *
 * The dropdown is one CRM search sorted by `hs_object_id`, newest first: contacts and companies run to millions, so it
 * is a shortcut to the latest ones, and the Find step reaches the rest.
 * https://developers.hubspot.com/docs/api/crm/search
 */

const RECORDS_IN_DROPDOWN = 100;

/** The Find step of a type's records: its own where the app has one, else Find Record (any object type). */
const FIND_STEPS: Readonly<Record<string, string>> = {
  contacts: 'find_contact',
  companies: 'find_company',
  deals: 'find_deal',
  tickets: 'find_ticket',
  products: 'find_product',
  orders: 'find_order',
  carts: 'find_cart',
  invoices: 'find_invoice',
  quotes: 'find_quote',
  leads: 'find_lead',
};

/** The dropdown and the Find step of an input taking ids of this type's records. */
export function recordPicker(typeRef: ObjectTypeRef): Pick<InputFieldDef, 'dropdown' | 'search'> {
  const search = typeof typeRef === 'string' ? FIND_STEPS[typeRef] : undefined;
  return { dropdown: { kind: 'records', objectType: typeRef }, search: search ?? 'find_object' };
}

/** The newest records of a type, fixed or chosen in another field of the step (none until it is chosen). */
export function recordDropdown(key: string, typeRef: ObjectTypeRef): OperationDef {
  return dropdown(
    key,
    'Record',
    async (ctx) => {
      const name = typeNameFromInput(typeRef, ctx.input);
      if (!name) return [];
      const field = { key: typeof typeRef === 'string' ? key : typeRef.fromInput, label: 'Object type' };
      return newestRecords(ctx, objectTypeFromValue(name, field));
    },
    `POST ${paths.objects.search(typeof typeRef === 'string' ? typeRef : '{objectType}')}`,
    { sample: { id: '51', label: 'Ada Lovelace — ada.lovelace@example.com' } },
  );
}

/** The newest records of the type of the list chosen in `listField` (a list holds one type of record). */
export function listRecordDropdown(key: string, listField: string): OperationDef {
  return dropdown(
    key,
    'Record',
    async (ctx) => {
      const listId = String(ctx.input[listField] ?? '').trim();
      if (!listId) return [];
      const name = listObjectType(await readList(ctx, listId));
      return newestRecords(ctx, objectTypeFromValue(name, { key: listField, label: 'List' }));
    },
    `POST ${paths.objects.search('{objectType}')}`,
    {
      sample: { id: '51', label: 'Ada Lovelace — ada.lovelace@example.com' },
      perRun: '2: the list, then the newest records of its type',
    },
  );
}

async function newestRecords(ctx: OperationContext, type: ObjectTypeDef): Promise<OperationResult[]> {
  const shown = displayProperties(type);
  const page = await searchRecords(ctx.api, type.name, {
    sorts: [{ propertyName: 'hs_object_id', direction: 'DESCENDING' }],
    properties: shown,
    limit: RECORDS_IN_DROPDOWN,
  });
  return page.results.map((r) => ({ id: r.id, label: recordLabel(r, shown) }));
}

/** A contact by name and e-mail; other records by their type's display property (a deal's name...). */
function displayProperties(type: ObjectTypeDef): string[] {
  const standard = findStandardObjectType(type.name);
  if (standard?.name === 'contacts') return ['firstname', 'lastname', 'email'];
  return standard ? [standard.primaryDisplayProperty] : [];
}

function recordLabel(record: HubSpotRecord, shown: string[]): string {
  const p = record.properties;
  const name = [p.firstname, p.lastname].filter(Boolean).join(' ');
  const parts = shown.includes('firstname')
    ? [name, p.email]
    : shown.map((property) => p[property]).filter(Boolean);
  return parts.filter(Boolean).join(' — ') || `Record ${record.id}`;
}
