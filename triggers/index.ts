import contactPropertyChange from './contactPropertyChange';
import dealStageChanged from './dealStageChanged';
import newCompany from './newCompany';
import newContact from './newContact';
import newDeal from './newDeal';
import newEngagement from './newEngagement';
import newFormSubmission from './newFormSubmission';
import newListMember from './newListMember';
import newObject from './newObject';
import newOrUpdatedContact from './newOrUpdatedContact';
import newOrUpdatedObject from './newOrUpdatedObject';
import newTicket from './newTicket';
import objectPropertyChange from './objectPropertyChange';

export const triggers = [
  newContact,
  newOrUpdatedContact,
  contactPropertyChange,
  newCompany,
  newDeal,
  dealStageChanged,
  newTicket,
  newObject,
  newOrUpdatedObject,
  objectPropertyChange,
  newEngagement,
  newListMember,
  newFormSubmission,
];
