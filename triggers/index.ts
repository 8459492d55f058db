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
import newLineItem from './newLineItem';
import newListMember from './newListMember';
import newObject from './newObject';
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
import objectPropertyChange from './objectPropertyChange';
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
