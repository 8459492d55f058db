import contactPropertyChange from './contactPropertyChange';
import dealStageChanged from './dealStageChanged';
import newCompany from './newCompany';
import newContact from './newContact';
import newDeal from './newDeal';
import newOrUpdatedContact from './newOrUpdatedContact';
import newTicket from './newTicket';

export const triggers = [
  newContact,
  newOrUpdatedContact,
  contactPropertyChange,
  newCompany,
  newDeal,
  dealStageChanged,
  newTicket,
];
