import associationChangedInstant from './associationChangedInstant';
import contactPropertyChange from './contactPropertyChange';
import contactPropertyChangeInstant from './contactPropertyChangeInstant';
import dealStageChanged from './dealStageChanged';
import dealStageChangedInstant from './dealStageChangedInstant';
import newCompany from './newCompany';
import newCompanyInstant from './newCompanyInstant';
import newContact from './newContact';
import newContactInstant from './newContactInstant';
import newDeal from './newDeal';
import newDealInstant from './newDealInstant';
import newEngagement from './newEngagement';
import newFormSubmission from './newFormSubmission';
import newListMember from './newListMember';
import newObject from './newObject';
import newObjectInstant from './newObjectInstant';
import newOrUpdatedCompany from './newOrUpdatedCompany';
import newOrUpdatedContact from './newOrUpdatedContact';
import newOrUpdatedDeal from './newOrUpdatedDeal';
import newOrUpdatedObject from './newOrUpdatedObject';
import newOrUpdatedTicket from './newOrUpdatedTicket';
import newTicket from './newTicket';
import newTicketInstant from './newTicketInstant';
import objectDeletedInstant from './objectDeletedInstant';
import objectPropertyChange from './objectPropertyChange';
import objectPropertyChangeInstant from './objectPropertyChangeInstant';
import recordsMergedInstant from './recordsMergedInstant';

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
];
