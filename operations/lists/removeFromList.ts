import { listMembershipOperation } from './members';

export const removeFromList = listMembershipOperation('remove');
