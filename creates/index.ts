import createContact from './createContact';
import createOrUpdateContact from './createOrUpdateContact';
import updateContact from './updateContact';

export const creates = [createContact, updateContact, createOrUpdateContact];
