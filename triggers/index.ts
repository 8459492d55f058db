import contactPropertyChange from './contactPropertyChange';
import newContact from './newContact';
import newOrUpdatedContact from './newOrUpdatedContact';

export const triggers = [newContact, newOrUpdatedContact, contactPropertyChange];
