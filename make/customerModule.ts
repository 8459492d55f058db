import {
  ASSOCIATE_COMPANY,
  CREATE_COMPANY,
  createNoteRequest,
  FIND_COMPANY,
  NOTE_TO_COMPANY,
  NOTE_TO_CONTACT,
  UPSERT_CONTACT,
} from '../operations/customers/requests';
import type { OperationDef } from '../operations/types';
import { associationParts, objectFromValue } from './imlArrays';
import type { Json, MakeModule } from './model';
import { onlyIf, operationModule } from './operationModule';
import { renderRequest } from './renderRequest';

/**
 * "Sync Customer" on Make: the same declared requests (`operations/customers/requests.ts`), run in order with Make's
 * `temp` and per-request `condition` (https://developers.make.com/custom-apps-documentation/component-blocks/api/multiple-requests,
 * https://developers.make.com/custom-apps-documentation/component-blocks/api/making-requests#condition), then a
 * request-less step that always runs and outputs, since Make does not document the output of a module whose last
 * request is skipped.
 *
 * What Make cannot do, and Zapier does: the duplicate check after creating a company (`keepOldest.ts` waits for search
 * to show the new company, which needs a loop on the answer). So two overlapping Make runs for a new domain may each
 * create a company; one run after another finds the first one (search shows a company within seconds). Make refuses
 * nothing before sending: a domain that is not one is normalized the same way and sent.
 */

/** As `operations/customers/domain.ts`: lower case, no scheme, path, port or trailing dot. */
const DOMAIN =
  "{{replace(replace(replace(lower(trim(parameters.company_domain)), '/^[a-z][a-z0-9+.-]*:[/][/]/', ''), '/[/?#:].*$/', ''), '/[.]$/', '')}}";

const rendered = (spec: Parameters<typeof renderRequest>[0], def: OperationDef): Json => {
  const { response: _response, ...request } = renderRequest(spec, def, 'contacts');
  return request;
};

/** The note's associations: the contact, and the company when there is one. */
function noteAssociations(): string {
  const contact = associationParts(NOTE_TO_CONTACT);
  const company = associationParts(NOTE_TO_COMPANY);
  return `{{merge(${objectFromValue('temp.contactId', contact.before, contact.after)}, ${objectFromValue('temp.companyId', company.before, company.after)})}}`;
}

export function syncCustomerModule(def: OperationDef): MakeModule {
  const note = rendered(createNoteRequest(true), def);
  return operationModule(def, 'Contacts', {
    moduleType: 'action',
    crud: 'update',
    scope: [
      'crm.objects.contacts.read',
      'crm.objects.contacts.write',
      'crm.objects.companies.read',
      'crm.objects.companies.write',
    ],
    communication: [
      {
        temp: { domain: `{{if(parameters.company_domain, ${DOMAIN.slice(2, -2)}, '')}}` },
        ...rendered(UPSERT_CONTACT, def),
        response: {
          valid: {
            condition: '{{length(ifempty(body.errors, emptyarray)) == 0}}',
            message: '{{body.errors[1].message}}',
            type: 'DataError',
          },
          temp: { contactId: '{{body.results[1].id}}', contact: '{{body.results[1]}}' },
        },
      },
      {
        ...onlyIf('{{temp.domain}}'),
        ...rendered(FIND_COMPANY, def),
        response: { temp: { companyId: '{{body.results[1].id}}', company: '{{body.results[1]}}' } },
      },
      {
        ...onlyIf('{{temp.domain && !temp.companyId}}'),
        ...rendered(CREATE_COMPANY, def),
        response: { temp: { companyId: '{{body.id}}', company: '{{body}}', companyCreated: true } },
      },
      {
        // Only for a company the search found: a created one was associated inline.
        ...onlyIf('{{temp.companyId && !temp.companyCreated}}'),
        ...rendered(ASSOCIATE_COMPANY, def),
      },
      {
        ...onlyIf('{{parameters.note}}'),
        ...note,
        body: {
          properties: { hs_note_body: '{{parameters.note}}', hs_timestamp: "{{formatDate(now, 'x')}}" },
          associations: noteAssociations(),
        },
        response: { temp: { noteId: '{{body.id}}' } },
      },
      {
        response: {
          output: {
            id: '{{temp.contactId}}',
            contact_id: '{{temp.contactId}}',
            contact_created: '{{ifempty(temp.contact.new, false)}}',
            email: '{{ifempty(temp.contact.properties.email, null)}}',
            firstname: '{{ifempty(temp.contact.properties.firstname, null)}}',
            lastname: '{{ifempty(temp.contact.properties.lastname, null)}}',
            company_id: '{{ifempty(temp.companyId, null)}}',
            company_created: '{{ifempty(temp.companyCreated, false)}}',
            company_domain: '{{ifempty(temp.company.properties.domain, null)}}',
            company_name: '{{ifempty(temp.company.properties.name, null)}}',
            note_id: '{{ifempty(temp.noteId, null)}}',
          },
        },
      },
    ],
  });
}
