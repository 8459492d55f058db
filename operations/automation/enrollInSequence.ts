import { paths } from '../../hubspot/paths';
import { declaredEndpoints } from '../endpoints';
import { emailInput, optionalText } from '../inputs';
import { recordPicker } from '../recordDropdown';
import { recordIdInput } from '../records';
import { answer, input, path, type RequestSpec } from '../request';
import { CONTACTS, runDeclared } from '../runDeclared';
import type { InputFieldDef, OperationDef } from '../types';

/**
 * Enrolls a contact in a sales sequence (`POST /automation/v4/sequences/enrollments?userId=`), sent from a user's
 * connected inbox. The sending user needs a Sales Hub or Service Hub Professional or Enterprise seat; scopes
 * `automation.sequences.enrollments.write` (and `automation.sequences.read` for the dropdown). A contact is in at most
 * one sequence at a time.
 * https://developers.hubspot.com/docs/api-reference/legacy/automation/sequences/enroll-contact,
 * https://developers.hubspot.com/docs/api-reference/2026-03/automation/sequences/guide
 */
const REQUIREMENT = 'a Sales Hub or Service Hub Professional or Enterprise seat for the sending user';

const userField: InputFieldDef = {
  key: 'user_id',
  label: 'Sending user',
  required: true,
  dropdown: { kind: 'users' },
  helpText:
    'The HubSpot user the sequence is sent as (a user ID, not an owner ID). Needs a Sales Hub or Service Hub Professional or Enterprise seat.',
};
const sequenceField: InputFieldDef = {
  key: 'sequence_id',
  label: 'Sequence',
  required: true,
  dropdown: { kind: 'sequences', userField: 'user_id' },
  helpText: 'One of the sending user’s sequences.',
};
const contactField: InputFieldDef = {
  key: 'contact_id',
  label: 'Contact ID',
  required: true,
  helpText: 'The contact to enroll; it must have an e-mail and not be in another sequence.',
  ...recordPicker('contacts'),
};
const senderField: InputFieldDef = {
  key: 'sender_email',
  label: 'Sender e-mail',
  required: true,
  helpText: 'The sending user’s connected inbox.',
};
const aliasField: InputFieldDef = {
  key: 'sender_alias',
  label: 'Sender alias',
  helpText: 'An alias address of that inbox to send from instead (optional).',
};

const ENROLLMENT: RequestSpec = {
  method: 'POST',
  path: path(paths.automation.sequenceEnrollments),
  query: { userId: input('user_id', { recordId: true }) },
  body: {
    contactId: input('contact_id', { recordId: true }),
    sequenceId: input('sequence_id', { recordId: true }),
    senderEmail: input('sender_email'),
    senderAliasAddress: input('sender_alias', { optional: true }),
  },
  output: {
    kind: 'fixed',
    fields: {
      id: answer('id'),
      toEmail: answer('toEmail'),
      enrolledAt: answer('enrolledAt'),
      updatedAt: answer('updatedAt'),
    },
  },
};

export const enrollInSequence: OperationDef = {
  key: 'enroll_in_sequence',
  kind: 'create',
  noun: 'Sequence Enrollment',
  label: 'Enroll Contact in Sequence',
  description: 'Enrolls a contact in a sales sequence, sent from a user’s connected inbox.',
  inputFields: [userField, sequenceField, contactField, senderField, aliasField],
  outputFields: [
    { key: 'id', label: 'Enrollment ID' },
    { key: 'toEmail', label: 'Contact e-mail' },
    { key: 'enrolledAt', label: 'Enrolled at', type: 'datetime' },
  ],
  sample: {
    id: '800001',
    toEmail: 'ada.lovelace@example.com',
    enrolledAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
  },
  calls: { endpoints: declaredEndpoints([ENROLLMENT], CONTACTS), perRun: '1' },
  requests: [ENROLLMENT],
  code: { reason: 'E-mail fields are checked before sending, naming the field.' },
  async perform(ctx) {
    for (const field of [userField, sequenceField, contactField]) recordIdInput(ctx, field);
    emailInput(ctx, senderField);
    if (optionalText(ctx, aliasField)) emailInput(ctx, aliasField);
    const subject = `sequence ${ctx.input.sequence_id} or contact ${ctx.input.contact_id}`;
    return runDeclared(ctx, enrollInSequence, [ENROLLMENT], { requirement: REQUIREMENT, subject });
  },
};
