import { associationChangedInstant } from './associationChangedInstant';
import { contactPropertyChangeInstant } from './contactPropertyChangeInstant';
import { dealStageChangedInstant } from './dealStageChangedInstant';
import { newCompanyInstant } from './newCompanyInstant';
import { newContactInstant } from './newContactInstant';
import { newDealInstant } from './newDealInstant';
import { newListMemberInstant } from './newListMemberInstant';
import { newObjectInstant } from './newObjectInstant';
import { newTicketInstant } from './newTicketInstant';
import { objectDeletedInstant } from './objectDeletedInstant';
import { objectPropertyChangeInstant } from './objectPropertyChangeInstant';
import { recordsMergedInstant } from './recordsMergedInstant';
import type { InstantTriggerDef } from './types';

/** Every instant trigger (issue 11 item 6), rendered as Zapier hook triggers and Make instant trigger modules. */
export const INSTANT_TRIGGERS: readonly InstantTriggerDef[] = [
  newContactInstant,
  contactPropertyChangeInstant,
  newCompanyInstant,
  newDealInstant,
  dealStageChangedInstant,
  newTicketInstant,
  newObjectInstant,
  objectPropertyChangeInstant,
  objectDeletedInstant,
  associationChangedInstant,
  recordsMergedInstant,
  newListMemberInstant,
];
