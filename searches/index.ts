import findAssociations from './findAssociations';
import findCart from './findCart';
import findCompany from './findCompany';
import findContact from './findContact';
import findDeal from './findDeal';
import findFile from './findFile';
import findInvoice from './findInvoice';
import findLead from './findLead';
import findList from './findList';
import findObject from './findObject';
import findOrder from './findOrder';
import findOwner from './findOwner';
import findProduct from './findProduct';
import findQuote from './findQuote';
import findTicket from './findTicket';
import getCompany from './getCompany';
import getContact from './getContact';
import getDeal from './getDeal';
import getObject from './getObject';
import getTicket from './getTicket';
import searchCompanies from './searchCompanies';
import searchContacts from './searchContacts';
import searchDeals from './searchDeals';
import searchObjects from './searchObjects';
import searchTickets from './searchTickets';

export const searches = [
  findContact,
  getContact,
  searchContacts,
  findCompany,
  getCompany,
  searchCompanies,
  findDeal,
  getDeal,
  searchDeals,
  findTicket,
  getTicket,
  searchTickets,
  findProduct,
  findObject,
  getObject,
  searchObjects,
  findAssociations,
  findList,
  findOwner,
  findOrder,
  findCart,
  findInvoice,
  findQuote,
  findLead,

  findFile,
];
