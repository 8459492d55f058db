import { archiveObject } from './anyObject/archiveObject';
import { createObject } from './anyObject/createObject';
import { createOrUpdateObject } from './anyObject/createOrUpdateObject';
import { findObject } from './anyObject/findObject';
import { getObject } from './anyObject/getObject';
import { mergeRecords } from './anyObject/mergeRecords';
import { newObject } from './anyObject/newObject';
import { newOrUpdatedObject } from './anyObject/newOrUpdatedObject';
import { objectPropertyChange } from './anyObject/objectPropertyChange';
import { searchObjects } from './anyObject/searchObjects';
import { updateObject } from './anyObject/updateObject';
import { apiRequest } from './api/apiRequest';
import { createAssociation } from './associations/createAssociation';
import { findAssociations } from './associations/findAssociations';
import { removeAssociation } from './associations/removeAssociation';
import { enrollInSequence } from './automation/enrollInSequence';
import { enrollInWorkflow } from './automation/enrollInWorkflow';
import { batchArchive } from './bulk/batchArchive';
import { batchUpdate } from './bulk/batchUpdate';
import { batchUpsert } from './bulk/batchUpsert';
import { createCart } from './carts/createCart';
import { findCart } from './carts/findCart';
import { newCart } from './carts/newCart';
import { updateCart } from './carts/updateCart';
import { createCompany } from './companies/createCompany';
import { createOrUpdateCompany } from './companies/createOrUpdateCompany';
import { findCompany } from './companies/findCompany';
import { getCompany } from './companies/getCompany';
import { newCompany } from './companies/newCompany';
import { newOrUpdatedCompany } from './companies/newOrUpdatedCompany';
import { searchCompanies } from './companies/searchCompanies';
import { updateCompany } from './companies/updateCompany';
import { contactPropertyChange } from './contacts/contactPropertyChange';
import { createContact } from './contacts/createContact';
import { createOrUpdateContact } from './contacts/createOrUpdateContact';
import { findContact } from './contacts/findContact';
import { getContact } from './contacts/getContact';
import { newContact } from './contacts/newContact';
import { newOrUpdatedContact } from './contacts/newOrUpdatedContact';
import { searchContacts } from './contacts/searchContacts';
import { updateContact } from './contacts/updateContact';
import { syncCustomer } from './customers/syncCustomer';
import { createDeal } from './deals/createDeal';
import { dealStageChanged } from './deals/dealStageChanged';
import { findDeal } from './deals/findDeal';
import { getDeal } from './deals/getDeal';
import { newDeal } from './deals/newDeal';
import { newOrUpdatedDeal } from './deals/newOrUpdatedDeal';
import { searchDeals } from './deals/searchDeals';
import { updateDeal } from './deals/updateDeal';
import { dropdownKey, dropdownOperation } from './dropdowns';
import { createCall } from './engagements/createCall';
import { createEmail } from './engagements/createEmail';
import { createMeeting } from './engagements/createMeeting';
import { createNote } from './engagements/createNote';
import { createTask } from './engagements/createTask';
import { newEngagement } from './engagements/newEngagement';
import { findFile } from './files/findFile';
import { uploadFile } from './files/uploadFile';
import { newFormSubmission } from './forms/newFormSubmission';
import { submitForm } from './forms/submitForm';
import { createInvoice } from './invoices/createInvoice';
import { findInvoice } from './invoices/findInvoice';
import { newInvoice } from './invoices/newInvoice';
import { updateInvoice } from './invoices/updateInvoice';
import { createLead } from './leads/createLead';
import { findLead } from './leads/findLead';
import { newLead } from './leads/newLead';
import { updateLead } from './leads/updateLead';
import { createLineItem } from './lineItems/createLineItem';
import { newLineItem } from './lineItems/newLineItem';
import { updateLineItem } from './lineItems/updateLineItem';
import { addToList } from './lists/addToList';
import { findList } from './lists/findList';
import { newListMember } from './lists/newListMember';
import { removeFromList } from './lists/removeFromList';
import { createTimelineEvent } from './marketing/createTimelineEvent';
import { sendBehavioralEvent } from './marketing/sendBehavioralEvent';
import { sendTransactionalEmail } from './marketing/sendTransactionalEmail';
import { updateSubscription } from './marketing/updateSubscription';
import { archiveOrder } from './orders/archiveOrder';
import { createOrder } from './orders/createOrder';
import { findOrder } from './orders/findOrder';
import { newOrder } from './orders/newOrder';
import { newOrUpdatedOrder } from './orders/newOrUpdatedOrder';
import { updateOrder } from './orders/updateOrder';
import { findOwner } from './owners/findOwner';
import { createProduct } from './products/createProduct';
import { findProduct } from './products/findProduct';
import { newProduct } from './products/newProduct';
import { updateProduct } from './products/updateProduct';
import { propertyFieldDropdowns } from './propertyFields';
import { createQuote } from './quotes/createQuote';
import { findQuote } from './quotes/findQuote';
import { newQuote } from './quotes/newQuote';
import { updateQuote } from './quotes/updateQuote';
import { createTicket } from './tickets/createTicket';
import { findTicket } from './tickets/findTicket';
import { getTicket } from './tickets/getTicket';
import { newOrUpdatedTicket } from './tickets/newOrUpdatedTicket';
import { newTicket } from './tickets/newTicket';
import { searchTickets } from './tickets/searchTickets';
import { ticketStageChanged } from './tickets/ticketStageChanged';
import { updateTicket } from './tickets/updateTicket';
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
  getContact,
  searchContacts,
  syncCustomer,
  newCompany,
  newOrUpdatedCompany,
  createCompany,
  updateCompany,
  createOrUpdateCompany,
  findCompany,
  getCompany,
  searchCompanies,
  newDeal,
  newOrUpdatedDeal,
  dealStageChanged,
  createDeal,
  updateDeal,
  findDeal,
  getDeal,
  searchDeals,
  newTicket,
  newOrUpdatedTicket,
  ticketStageChanged,
  createTicket,
  updateTicket,
  findTicket,
  getTicket,
  searchTickets,
  newProduct,
  createProduct,
  updateProduct,
  findProduct,
  createLineItem,
  updateLineItem,
  newOrder,
  newOrUpdatedOrder,
  createOrder,
  updateOrder,
  findOrder,
  archiveOrder,
  newCart,
  createCart,
  updateCart,
  findCart,
  newInvoice,
  createInvoice,
  updateInvoice,
  findInvoice,
  newQuote,
  createQuote,
  updateQuote,
  findQuote,
  newLead,
  createLead,
  updateLead,
  findLead,
  newLineItem,
  newObject,
  newOrUpdatedObject,
  objectPropertyChange,
  createObject,
  updateObject,
  createOrUpdateObject,
  findObject,
  getObject,
  searchObjects,
  archiveObject,
  mergeRecords,
  createNote,
  createTask,
  createCall,
  createMeeting,
  createEmail,
  newEngagement,
  createAssociation,
  removeAssociation,
  findAssociations,
  newListMember,
  addToList,
  removeFromList,
  findList,
  findOwner,
  uploadFile,
  findFile,
  submitForm,
  newFormSubmission,
  enrollInWorkflow,
  enrollInSequence,
  updateSubscription,
  sendBehavioralEvent,
  createTimelineEvent,
  sendTransactionalEmail,
  batchUpsert,
  batchUpdate,
  batchArchive,
  apiRequest,
];

/** Search-or-create pairs: the search key and the create it falls back to. */
/**
 * Find-or-create pairs, with the update Zapier runs instead of the create when the search finds the record ("Find,
 * then update or create"); the update takes the found record's id in `record_id`.
 */
export const SEARCH_OR_CREATE: ReadonlyArray<{
  search: string;
  create: string;
  update?: string;
  /** What the pair guarantees, when it is more than the platform's generic wording. */
  description?: string;
}> = [
  { search: 'find_contact', create: 'create_contact', update: 'update_contact' },
  {
    search: 'find_company',
    create: 'create_company',
    update: 'update_company',
    // The guarantee and its limits: operations/objects/claimedCreate.ts (the domain claimed in z.cache), its fallback
    // operations/objects/keepOldest.ts (search must show the new company within 20 s), and README's "Find or create
    // without duplicates".
    description:
      'Finds a company and updates it, or creates it when none matches, keeping one company per domain when runs overlap.',
  },
  { search: 'find_deal', create: 'create_deal', update: 'update_deal' },
  { search: 'find_ticket', create: 'create_ticket', update: 'update_ticket' },
  { search: 'find_product', create: 'create_product', update: 'update_product' },
  { search: 'find_order', create: 'create_order', update: 'update_order' },
  { search: 'find_cart', create: 'create_cart', update: 'update_cart' },
  { search: 'find_invoice', create: 'create_invoice', update: 'update_invoice' },
  { search: 'find_quote', create: 'create_quote', update: 'update_quote' },
  { search: 'find_lead', create: 'create_lead', update: 'update_lead' },
  { search: 'find_object', create: 'create_object', update: 'update_object' },
];

/** The hidden dropdown operations the fields of `OPERATIONS` refer to, each once. */
export function dropdownOperations(operations: readonly OperationDef[] = OPERATIONS): OperationDef[] {
  // Owner properties can appear among any type's property fields, so the owners dropdown is always there.
  const byKey = new Map<string, OperationDef>([['owner_list', dropdownOperation({ kind: 'owners' })!]]);
  for (const op of operations) {
    const sources = [
      ...op.inputFields.map((field) => ({ field: field.key, source: field.dropdown })),
      ...(op.propertyFields ? propertyFieldDropdowns(op.propertyFields) : []).map((source) => ({
        field: 'properties',
        source,
      })),
    ];
    for (const { field, source } of sources) {
      if (!source || byKey.has(dropdownKey(source))) continue;
      const dropdown = dropdownOperation(source);
      if (!dropdown) throw new Error(`${op.key}.${field}: no dropdown operation for ${source.kind}`);
      byKey.set(dropdown.key, dropdown);
    }
  }
  return [...byKey.values()];
}
