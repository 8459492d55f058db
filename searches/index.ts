import findCompany from './findCompany';
import findContact from './findContact';
import findDeal from './findDeal';
import findProduct from './findProduct';
import findTicket from './findTicket';

export const searches = [findContact, findCompany, findDeal, findTicket, findProduct];
