import contactPropertyChange from './contactPropertyChange';
import dealStageChanged from './dealStageChanged';
import newCompany from './newCompany';
import newContact from './newContact';
import newDeal from './newDeal';
import newEngagement from './newEngagement';
import newFormSubmission from './newFormSubmission';
import newLineItem from './newLineItem';
import newListMember from './newListMember';
import newObject from './newObject';
import newOrUpdatedCompany from './newOrUpdatedCompany';
import newOrUpdatedContact from './newOrUpdatedContact';
import newOrUpdatedDeal from './newOrUpdatedDeal';
import newOrUpdatedObject from './newOrUpdatedObject';
import newOrUpdatedTicket from './newOrUpdatedTicket';
import newProduct from './newProduct';
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
];
