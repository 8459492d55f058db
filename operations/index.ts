import { contactPropertyChange } from './contacts/contactPropertyChange';
import { createContact } from './contacts/createContact';
import { createOrUpdateContact } from './contacts/createOrUpdateContact';
import { findContact } from './contacts/findContact';
import { newContact } from './contacts/newContact';
import { newOrUpdatedContact } from './contacts/newOrUpdatedContact';
import { updateContact } from './contacts/updateContact';
import { dropdownKey, dropdownOperation } from './dropdowns';
import type { OperationDef } from './types';

/** Every user-facing operation, in the order the README lists them. Both platforms render this list. */
export const OPERATIONS: readonly OperationDef[] = [
  newContact,
  newOrUpdatedContact,
  contactPropertyChange,
  createContact,
  updateContact,
  createOrUpdateContact,
  findContact,
];

/** Search-or-create pairs: the search key and the create it falls back to. */
export const SEARCH_OR_CREATE: ReadonlyArray<{ search: string; create: string }> = [
  { search: 'find_contact', create: 'create_contact' },
];

/** The hidden dropdown operations the fields of `OPERATIONS` refer to, each once. */
export function dropdownOperations(operations: readonly OperationDef[] = OPERATIONS): OperationDef[] {
  // Owner properties can appear among any type's property fields, so the owners dropdown is always there.
  const byKey = new Map<string, OperationDef>([['owner_list', dropdownOperation({ kind: 'owners' })!]]);
  for (const op of operations) {
    for (const field of op.inputFields) {
      if (!field.dropdown || byKey.has(dropdownKey(field.dropdown))) continue;
      const dropdown = dropdownOperation(field.dropdown);
      if (!dropdown)
        throw new Error(`${op.key}.${field.key}: no dropdown operation for ${field.dropdown.kind}`);
      byKey.set(dropdown.key, dropdown);
    }
  }
  return [...byKey.values()];
}
