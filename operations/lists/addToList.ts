import { listMembershipOperation } from './members';

export const addToList = listMembershipOperation('add');
