import contactPropertyChange from './contactPropertyChange';
import dealStageChanged from './dealStageChanged';
import newCart from './newCart';
import newCompany from './newCompany';
import newContact from './newContact';
import newDeal from './newDeal';
import newEngagement from './newEngagement';
import newFormSubmission from './newFormSubmission';
import newInvoice from './newInvoice';
import newLead from './newLead';
import newListMember from './newListMember';
import newObject from './newObject';
import newOrder from './newOrder';
import newOrUpdatedCompany from './newOrUpdatedCompany';
import newOrUpdatedContact from './newOrUpdatedContact';
import newOrUpdatedDeal from './newOrUpdatedDeal';
import newOrUpdatedObject from './newOrUpdatedObject';
import newOrUpdatedOrder from './newOrUpdatedOrder';
import newOrUpdatedTicket from './newOrUpdatedTicket';
import newQuote from './newQuote';
import newTicket from './newTicket';
import objectPropertyChange from './objectPropertyChange';

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
