import createCompany from './createCompany';
import createContact from './createContact';
import createDeal from './createDeal';
import createLineItem from './createLineItem';
import createOrUpdateCompany from './createOrUpdateCompany';
import createOrUpdateContact from './createOrUpdateContact';
import createProduct from './createProduct';
import createTicket from './createTicket';
import updateCompany from './updateCompany';
import updateContact from './updateContact';
import updateDeal from './updateDeal';
import updateTicket from './updateTicket';

export const creates = [
  createContact,
  updateContact,
  createOrUpdateContact,
  createCompany,
  updateCompany,
  createOrUpdateCompany,
  createDeal,
  updateDeal,
  createTicket,
  updateTicket,
  createProduct,
  createLineItem,
];
