import { paths } from '../../hubspot/paths';
import { declaredEndpoints } from '../endpoints';
import { emailInput, jsonObjectInput } from '../inputs';
import { recordIdInput } from '../records';
import { answer, input, path, type RequestSpec } from '../request';
import { CONTACTS, runDeclared } from '../runDeclared';
import type { InputFieldDef, OperationDef } from '../types';

/**
 * Sends a published transactional e-mail to one address (`POST /marketing/v3/transactional/single-email/send`,
 * scope `transactional-email`), with values for its custom and contact tokens. HubSpot creates the contact when none
 * has that address, and sends whatever its subscription status. Needs the Transactional Email add-on. The send is
 * asynchronous: the answer is its status (PENDING) and a status id.
 * https://developers.hubspot.com/docs/api-reference/latest/marketing/transactional-emails/create-transactional-email,
 * https://developers.hubspot.com/docs/methods/email/transactional_email/single-send-overview
 */
const REQUIREMENT = 'the Transactional Email add-on';

const emailIdField: InputFieldDef = {
  key: 'email_id',
  label: 'Email ID',
  required: true,
  dropdown: { kind: 'transactionalEmails' },
  helpText: 'A published transactional e-mail. Needs the Transactional Email add-on.',
};
const toField: InputFieldDef = {
  key: 'to',
  label: 'To',
  required: true,
  helpText: 'The recipient’s e-mail address.',
};
const sendIdField: InputFieldDef = {
  key: 'send_reference',
  label: 'Send reference',
  helpText:
    'A reference of your own for this send (e.g. the order number), sent as its sendId: HubSpot sends at most once per sendId.',
};
const customField: InputFieldDef = {
  key: 'custom_properties',
  label: 'Custom properties',
  type: 'json',
  helpText: 'A JSON object of the e-mail’s custom tokens, e.g. {"order_id": "A-1042"}.',
};
const contactField: InputFieldDef = {
  key: 'contact_properties',
  label: 'Contact properties',
  type: 'json',
  helpText: 'A JSON object of contact properties to set on the recipient, e.g. {"firstname": "Ada"}.',
};

/** Asynchronous: the answer is the send's status (PENDING) and its id. */
const SEND: RequestSpec = {
  method: 'POST',
  path: path(paths.transactionalEmail.singleSend),
  body: {
    emailId: input('email_id', { recordId: true }),
    message: { to: input('to'), sendId: input('send_reference', { optional: true }) },
    customProperties: input('custom_properties', { optional: true, json: true }),
    contactProperties: input('contact_properties', { optional: true, json: true }),
  },
  output: {
    kind: 'fixed',
    fields: { statusId: answer('statusId'), status: answer('status'), requestedAt: answer('requestedAt') },
  },
};

export const sendTransactionalEmail: OperationDef = {
  key: 'send_transactional_email',
  kind: 'create',
  noun: 'Transactional Email',
  label: 'Send Transactional Email',
  description: 'Sends a published transactional e-mail to one recipient, with its personalization values.',
  inputFields: [emailIdField, toField, sendIdField, customField, contactField],
  outputFields: [
    { key: 'statusId', label: 'Status ID' },
    { key: 'status', label: 'Status' },
    { key: 'requestedAt', label: 'Requested at', type: 'datetime' },
  ],
  sample: {
    statusId: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
    status: 'PENDING',
    requestedAt: '2026-01-05T09:00:00.000Z',
  },
  calls: { endpoints: declaredEndpoints([SEND], CONTACTS), perRun: '1' },
  requests: [SEND],
  code: { reason: 'The e-mail ID and the recipient are checked before sending, naming the field.' },
  async perform(ctx) {
    recordIdInput(ctx, emailIdField);
    emailInput(ctx, toField);
    jsonObjectInput(ctx, customField);
    jsonObjectInput(ctx, contactField);
    return runDeclared(ctx, sendTransactionalEmail, [SEND], { requirement: REQUIREMENT });
  },
};
