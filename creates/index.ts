import addToList from './addToList';
import apiRequest from './apiRequest';
import archiveObject from './archiveObject';
import batchUpsert from './batchUpsert';
import createAssociation from './createAssociation';
import createCall from './createCall';
import createCompany from './createCompany';
import createContact from './createContact';
import createDeal from './createDeal';
import createEmail from './createEmail';
import createLineItem from './createLineItem';
import createMeeting from './createMeeting';
import createNote from './createNote';
import createObject from './createObject';
import createOrUpdateCompany from './createOrUpdateCompany';
import createOrUpdateContact from './createOrUpdateContact';
import createOrUpdateObject from './createOrUpdateObject';
import createProduct from './createProduct';
import createTask from './createTask';
import createTicket from './createTicket';
import mergeRecords from './mergeRecords';
import removeAssociation from './removeAssociation';
import removeFromList from './removeFromList';
import submitForm from './submitForm';
import syncCustomer from './syncCustomer';
import updateCompany from './updateCompany';
import updateContact from './updateContact';
import updateDeal from './updateDeal';
import updateLineItem from './updateLineItem';
import updateObject from './updateObject';
import updateProduct from './updateProduct';
import updateTicket from './updateTicket';
import uploadFile from './uploadFile';

export const creates = [
  createContact,
  updateContact,
  createOrUpdateContact,
  syncCustomer,
  createCompany,
  updateCompany,
  createOrUpdateCompany,
  createDeal,
  updateDeal,
  createTicket,
  updateTicket,
  createProduct,
  updateProduct,
  createLineItem,
  updateLineItem,
  createObject,
  updateObject,
  createOrUpdateObject,
  archiveObject,
  mergeRecords,
  createNote,
  createTask,
  createCall,
  createMeeting,
  createEmail,
  createAssociation,
  removeAssociation,
  addToList,
  removeFromList,
  uploadFile,
  submitForm,
  batchUpsert,
  apiRequest,
];
