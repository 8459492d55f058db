import { defaultAssociationTypeId } from '../../hubspot/associationTypes';
import { paths } from '../../hubspot/paths';
import { input, path, type RequestSpec, type TempLeaf, temp } from '../request';

/**
 * The requests of "Sync Customer", as data, in the order a run may send them. Which ones run depends on the input
 * and on the answers (a company found or not), which the declaration cannot say: `syncCustomer.ts` on Zapier and
 * `make/customerModule.ts` on Make each add the conditions.
 */

/** HubSpot's default (unlabelled) association types used here: https://developers.hubspot.com/docs/api/crm/associations/v4 */
const typeId = (from: string, to: string) => {
  const id = defaultAssociationTypeId(from, to);
  if (id === undefined) throw new Error(`No HubSpot-defined association from ${from} to ${to}.`);
  return id;
};
export const COMPANY_TO_CONTACT = typeId('companies', 'contacts');
export const NOTE_TO_CONTACT = typeId('notes', 'contacts');
export const NOTE_TO_COMPANY = typeId('notes', 'companies');

/** The contact's own fields, each a property of the same name (left out when empty). */
export const CONTACT_FIELDS = ['firstname', 'lastname', 'phone', 'jobtitle'] as const;

const toRecord = (id: TempLeaf, associationTypeId: number) => ({
  to: { id },
  types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId }],
});

/**
 * 1. The contact, created or updated by e-mail in one call, safe to repeat: HubSpot matches on the unique e-mail.
 * https://developers.hubspot.com/docs/api-reference/crm-contacts-v3/batch/post-crm-v3-objects-contacts-batch-upsert
 */
export const UPSERT_CONTACT: RequestSpec = {
  method: 'POST',
  path: path(paths.objects.batch, 'contacts', 'upsert'),
  body: {
    inputs: [
      {
        idProperty: 'email',
        id: input('email'),
        properties: {
          email: input('email'),
          ...Object.fromEntries(CONTACT_FIELDS.map((name) => [name, input(name, { optional: true })])),
        },
      },
    ],
  },
  idempotent: true,
};

/**
 * 2. The oldest company with the domain (CRM search `EQ` ignores case; oldest first, as `keepOldest.ts` keeps it).
 * https://developers.hubspot.com/docs/api/crm/search
 */
export const FIND_COMPANY: RequestSpec = {
  method: 'POST',
  path: path(paths.objects.search, 'companies'),
  body: {
    filterGroups: [{ filters: [{ propertyName: 'domain', operator: 'EQ', value: temp('domain') }] }],
    sorts: [{ propertyName: 'createdate', direction: 'ASCENDING' }],
    properties: ['createdate', 'domain', 'name', 'hs_lastmodifieddate', 'hs_object_id'],
    limit: 1,
  },
  search: true,
};

/** 3a. A new company, associated with the contact in the same call (inline `associations`). */
export const CREATE_COMPANY: RequestSpec = {
  method: 'POST',
  path: path(paths.objects.create, 'companies'),
  body: {
    properties: { domain: temp('domain'), name: input('company_name', { optional: true }) },
    associations: [toRecord(temp('contactId'), COMPANY_TO_CONTACT)],
  },
};

/** 3b. An existing company: the contact's default association to it (a PUT, safe to repeat). */
export const ASSOCIATE_COMPANY: RequestSpec = {
  method: 'PUT',
  path: path(paths.associations.putDefault, 'contacts', temp('contactId'), 'companies', temp('companyId')),
  // HubSpot reads nothing from the body; Make's request schema wants one on a PUT, so both platforms send `{}`.
  body: {},
};

/**
 * 4. The note, on the timeline of the contact and the company, in one call (`hs_timestamp` = now).
 * https://developers.hubspot.com/docs/api/crm/notes
 */
export function createNoteRequest(withCompany: boolean): RequestSpec {
  return {
    method: 'POST',
    path: path(paths.objects.create, 'notes'),
    body: {
      properties: { hs_note_body: input('note'), hs_timestamp: temp('now') },
      associations: [
        toRecord(temp('contactId'), NOTE_TO_CONTACT),
        ...(withCompany ? [toRecord(temp('companyId'), NOTE_TO_COMPANY)] : []),
      ],
    },
  };
}
