import associationChangedInstant from './associationChangedInstant';
import contactPropertyChange from './contactPropertyChange';
import contactPropertyChangeInstant from './contactPropertyChangeInstant';
import dealStageChanged from './dealStageChanged';
import dealStageChangedInstant from './dealStageChangedInstant';
import newCart from './newCart';
import newCompany from './newCompany';
import newCompanyInstant from './newCompanyInstant';
import newContact from './newContact';
import newContactInstant from './newContactInstant';
import newDeal from './newDeal';
import newDealInstant from './newDealInstant';
import newEngagement from './newEngagement';
import newFormSubmission from './newFormSubmission';
import newInvoice from './newInvoice';
import newLead from './newLead';
import newLineItem from './newLineItem';
import newListMember from './newListMember';
import newListMemberInstant from './newListMemberInstant';
import newObject from './newObject';
import newObjectInstant from './newObjectInstant';
import newOrder from './newOrder';
import newOrUpdatedCompany from './newOrUpdatedCompany';
import newOrUpdatedContact from './newOrUpdatedContact';
import newOrUpdatedDeal from './newOrUpdatedDeal';
import newOrUpdatedObject from './newOrUpdatedObject';
import newOrUpdatedOrder from './newOrUpdatedOrder';
import newOrUpdatedTicket from './newOrUpdatedTicket';
import newProduct from './newProduct';
import newQuote from './newQuote';
import newTicket from './newTicket';
import newTicketInstant from './newTicketInstant';
import objectDeletedInstant from './objectDeletedInstant';
import objectPropertyChange from './objectPropertyChange';
import objectPropertyChangeInstant from './objectPropertyChangeInstant';
import recordsMergedInstant from './recordsMergedInstant';
import ticketStageChanged from './ticketStageChanged';

export const triggers = [
  newContact,
  newOrUpdatedContact,
  contactPropertyChange,
  newCompany,
  newOrUpdatedCompany,
  newDeal,
  newOrUpdatedDeal,
  dealStageChanged,
  newTicket,
  newOrUpdatedTicket,
  ticketStageChanged,
  newProduct,
  newLineItem,
  newObject,
  newOrUpdatedObject,
  objectPropertyChange,
  newEngagement,
  newListMember,
  newFormSubmission,
  newOrUpdatedOrder,
  newOrder,
  newCart,
  newInvoice,
  newQuote,
  newLead,
];

/** Instant (REST hook) triggers over the events relay, after the polling ones they mirror. */
export const hookTriggers = [
  newContactInstant,
  contactPropertyChangeInstant,
  newCompanyInstant,
  newDealInstant,
  dealStageChangedInstant,
  newTicketInstant,
  newObjectInstant,
  objectPropertyChangeInstant,
  objectDeletedInstant,
  associationChangedInstant,
  recordsMergedInstant,
  newListMemberInstant,
];
