import findAssociations from './findAssociations';
import findCompany from './findCompany';
import findContact from './findContact';
import findDeal from './findDeal';
import findObject from './findObject';
import findProduct from './findProduct';
import findTicket from './findTicket';

export const searches = [
  findContact,
  findCompany,
  findDeal,
  findTicket,
  findProduct,
  findObject,
  findAssociations,
];
