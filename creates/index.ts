import addToList from './addToList';
import apiRequest from './apiRequest';
import archiveObject from './archiveObject';
import archiveOrder from './archiveOrder';
import batchArchive from './batchArchive';
import batchUpdate from './batchUpdate';
import batchUpsert from './batchUpsert';
import createAssociation from './createAssociation';
import createCall from './createCall';
import createCart from './createCart';
import createCompany from './createCompany';
import createContact from './createContact';
import createDeal from './createDeal';
import createEmail from './createEmail';
import createInvoice from './createInvoice';
import createLead from './createLead';
import createLineItem from './createLineItem';
import createMeeting from './createMeeting';
import createNote from './createNote';
import createObject from './createObject';
import createOrder from './createOrder';
import createOrUpdateCompany from './createOrUpdateCompany';
import createOrUpdateContact from './createOrUpdateContact';
import createOrUpdateObject from './createOrUpdateObject';
import createProduct from './createProduct';
import createQuote from './createQuote';
import createTask from './createTask';
import createTicket from './createTicket';
import createTimelineEvent from './createTimelineEvent';
import enrollInSequence from './enrollInSequence';
import enrollInWorkflow from './enrollInWorkflow';
import mergeRecords from './mergeRecords';
import removeAssociation from './removeAssociation';
import removeFromList from './removeFromList';
import sendBehavioralEvent from './sendBehavioralEvent';
import sendTransactionalEmail from './sendTransactionalEmail';
import submitForm from './submitForm';
import syncCustomer from './syncCustomer';
import updateCart from './updateCart';
import updateCompany from './updateCompany';
import updateContact from './updateContact';
import updateDeal from './updateDeal';
import updateInvoice from './updateInvoice';
import updateLead from './updateLead';
import updateLineItem from './updateLineItem';
import updateObject from './updateObject';
import updateOrder from './updateOrder';
import updateProduct from './updateProduct';
import updateQuote from './updateQuote';

import updateSubscription from './updateSubscription';
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
  enrollInWorkflow,
  enrollInSequence,
  updateSubscription,
  sendBehavioralEvent,
  createTimelineEvent,
  sendTransactionalEmail,
  batchUpsert,
  batchUpdate,
  batchArchive,
  apiRequest,
  archiveOrder,
  createOrder,
  updateOrder,
  createCart,
  updateCart,
  createInvoice,
  updateInvoice,
  createQuote,
  updateQuote,
  createLead,
  updateLead,
];
