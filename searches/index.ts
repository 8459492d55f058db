import findAssociations from './findAssociations';
import findCompany from './findCompany';
import findContact from './findContact';
import findDeal from './findDeal';
import findFile from './findFile';
import findList from './findList';
import findObject from './findObject';
import findOwner from './findOwner';
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
  findList,
  findOwner,
  findFile,
];
