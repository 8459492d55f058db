import findAssociations from './findAssociations';
import findCart from './findCart';
import findCompany from './findCompany';
import findContact from './findContact';
import findDeal from './findDeal';
import findInvoice from './findInvoice';
import findLead from './findLead';
import findList from './findList';
import findObject from './findObject';
import findOrder from './findOrder';
import findOwner from './findOwner';
import findProduct from './findProduct';
import findQuote from './findQuote';
import findTicket from './findTicket';

export const searches = [
  findContact,
  findCompany,
  findDeal,
  findTicket,
  findProduct,
  findObject,
  findAssociations,
  findList,
  findOwner,
  findOrder,
  findCart,
  findInvoice,
  findQuote,
  findLead,
];
