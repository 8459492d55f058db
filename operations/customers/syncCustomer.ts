import { errorsFromBatch } from '../../hubspot/classify';
import { NotFoundError } from '../../hubspot/errors';
import { paths } from '../../hubspot/paths';
import { declaredEndpoints } from '../endpoints';
import { objectType } from '../objects/common';
import { createOncePerDomain, type RecordedCompany } from '../objects/domainClaim';
import { keepOldest } from '../objects/keepOldest';
import { requiredText } from '../records';
import { runState, sendRequest } from '../runRequests';
import type { HubSpotRecord } from '../search';
import type { InputFieldDef, OperationContext, OperationDef, OperationResult } from '../types';
import { normalizeDomain } from './domain';
import { findLostNote } from './lostNote';
import {
  ASSOCIATE_COMPANY,
  CREATE_COMPANY,
  createNoteRequest,
  FIND_COMPANY,
  UPSERT_CONTACT,
} from './requests';
import { SAMPLE_SYNC, SYNC_OUTPUT_FIELDS } from './sample';

/**
 * "Sync Customer": the contact upserted by e-mail, the company found or created by domain without duplicates, the two
 * associated, and an optional note on both, in ONE step (one Zapier task instead of three). HubSpot calls a run:
 * - contact only: 1 (the upsert); + 1 with a note;
 * - existing company: upsert, search, association = 3; + 1 with a note = 4;
 * - new company, with the platform's shared store (Zapier): upsert, search, then the run that claims the domain
 *   creates the company with the contact inline (`domainClaim.ts`), and every other run associates the contact with
 *   the company the claiming run recorded = 3; + 1 with a note = 4. The claim costs no HubSpot call.
 * - new company without a claim (Make has no store; the store failed; the claiming run failed or is too slow):
 *   upsert, search, create, then `keepOldest.ts`'s duplicate check = 4; + 1 with a note = 5; the check costs one more
 *   search per check while HubSpot's search index lags, plus an archive and an association when another run created
 *   the domain's company first.
 * What the claim does not see: a company with the domain created seconds earlier by another way (the HubSpot UI,
 * Make, an import; Zapier's Create Company records its company in the claim's entry) and not yet shown by search.
 * keepOldest.ts's check would find it; a claiming run keeps its own company and that one stays a duplicate.
 */

const companies = objectType('companies');
const contacts = objectType('contacts');

const FIELDS: InputFieldDef[] = [
  {
    key: 'email',
    label: 'E-mail',
    required: true,
    helpText: 'The contact is matched on it: updated when HubSpot has it, created otherwise.',
  },
  {
    key: 'firstname',
    label: 'First name',
    required: false,
    helpText: "The contact's first name. Left as it is when empty.",
  },
  {
    key: 'lastname',
    label: 'Last name',
    required: false,
    helpText: "The contact's last name. Left as it is when empty.",
  },
  {
    key: 'phone',
    label: 'Phone number',
    required: false,
    helpText: "The contact's phone number. Left as it is when empty.",
  },
  {
    key: 'jobtitle',
    label: 'Job title',
    required: false,
    helpText: "The contact's job title. Left as it is when empty.",
  },
  {
    key: 'company_domain',
    label: 'Company domain',
    required: false,
    helpText:
      'The company is matched on it (the oldest company with this domain) and created when none has it. A web address works too. Leave empty to sync the contact alone.',
  },
  {
    key: 'company_name',
    label: 'Company name',
    required: false,
    helpText: 'Used only when the company is created; an existing company keeps its name.',
  },
  {
    key: 'note',
    label: 'Note',
    type: 'text',
    required: false,
    helpText: 'A note on the timeline of the contact and the company. Leave empty for none.',
  },
];

const label = (key: string) => FIELDS.find((f) => f.key === key)!.label;

/** The company as the output reads it: found, created, or recorded by the run that created it. */
type SyncedCompany = Pick<HubSpotRecord, 'id' | 'properties'>;

interface UpsertAnswer {
  results?: Array<HubSpotRecord & { new?: boolean }>;
}

/** The company with the domain, found or created, associated with the contact. */
async function syncCompany(
  ctx: OperationContext,
  run: ReturnType<typeof runState>,
  domain: string,
): Promise<{ company: SyncedCompany; created: boolean }> {
  const found = await sendRequest<{ results?: HubSpotRecord[] }>(ctx, FIND_COMPANY, run);
  const oldest = found.data.results?.[0];
  if (oldest) return { company: await associate(ctx, run, oldest), created: false };
  return createOncePerDomain(ctx, domain, 'sync customer', {
    async create() {
      const created = (await createCompany(ctx, run, domain)).data;
      return {
        company: { id: created.id, domain, name: created.properties?.name ?? null },
        result: async () => ({ company: created, created: true }),
      };
    },
    async useRecorded(company) {
      try {
        return { company: await associate(ctx, run, recordedAsRecord(company)), created: false };
      } catch (error) {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      }
    },
    createChecked: () => createChecked(ctx, run, domain),
  });
}

/** The contact's default association with an existing company (a PUT, safe to repeat). */
async function associate(
  ctx: OperationContext,
  run: ReturnType<typeof runState>,
  company: SyncedCompany,
): Promise<SyncedCompany> {
  run.temp.companyId = company.id;
  await sendRequest(ctx, ASSOCIATE_COMPANY, run, { idempotent: true });
  return company;
}

const createCompany = (ctx: OperationContext, run: ReturnType<typeof runState>, domain: string) =>
  sendRequest<HubSpotRecord>(ctx, CREATE_COMPANY, run, {
    errorContext: {
      // Never repeated blind; a replay finds it by domain, or its duplicate check archives the second one.
      unconfirmedWrite: {
        outcome: 'created the company',
        check: `search companies for the domain "${domain}"`,
      },
    },
  });

/**
 * Without a claim (no shared store, the store failed, the claiming run failed or is too slow): create, then
 * `keepOldest.ts`'s duplicate check, which holds the no-duplicate guarantee for overlapping runs at one search more.
 */
async function createChecked(
  ctx: OperationContext,
  run: ReturnType<typeof runState>,
  domain: string,
): Promise<{ company: SyncedCompany; created: boolean }> {
  const created = await createCompany(ctx, run, domain);
  const kept = await keepOldest(ctx, companies, created.data, { name: 'domain', value: domain });
  if (!kept.existing) return { company: created.data, created: true };
  // Another run created the domain's company first: ours is archived, so the contact joins that one.
  const first = kept as unknown as HubSpotRecord;
  return { company: await associate(ctx, run, { ...first, id: String(kept.id) }), created: false };
}

/** A recorded company as the output reads it. */
function recordedAsRecord(company: RecordedCompany): SyncedCompany {
  return { id: company.id, properties: { domain: company.domain, name: company.name } };
}

/** The note on the contact (and the company); a lost answer is recovered by reading the contact's notes. */
async function createNote(
  ctx: OperationContext,
  run: ReturnType<typeof runState>,
  step: { email: string; note: string; withCompany: boolean },
): Promise<string> {
  const startedAt = ctx.now();
  try {
    const { data } = await sendRequest<HubSpotRecord>(ctx, createNoteRequest(step.withCompany), run, {
      errorContext: {
        unconfirmedWrite: {
          outcome: 'created the note',
          check: `look at the timeline of the contact ${step.email}`,
        },
      },
    });
    return data.id;
  } catch (error) {
    const contactId = String(run.temp.contactId);
    const found = await findLostNote(ctx, error, { contactId, body: step.note, startedAt });
    if (found) return found;
    throw error;
  }
}

const REASON =
  'Which requests run depends on the input (a domain, a note) and on the answers: a company found by the search is ' +
  "associated with a PUT; a missing one is created by the one run that claims the domain in the platform's shared " +
  'store, the others associating with the company it recorded (domainClaim.ts), or, without a claim, created and ' +
  "then checked for a company created first by an overlapping run (keepOldest.ts: wait for search, archive ours), which Make's fixed requests cannot " +
  'loop on; the domain is normalized and checked before any call; a note whose answer is lost is looked for among ' +
  "the contact's notes (lostNote.ts).";

export const syncCustomer: OperationDef = {
  key: 'sync_customer',
  kind: 'create',
  noun: 'Customer',
  objectType: 'contacts',
  label: 'Sync Customer',
  description:
    'Creates or updates a contact by e-mail, finds or creates its company by domain, associates them, and can add a note.',
  inputFields: FIELDS,
  outputFields: SYNC_OUTPUT_FIELDS,
  sample: SAMPLE_SYNC,
  requests: [UPSERT_CONTACT, FIND_COMPANY, CREATE_COMPANY, ASSOCIATE_COMPANY, createNoteRequest(true)],
  code: { reason: REASON },
  calls: {
    endpoints: [
      ...declaredEndpoints(
        [UPSERT_CONTACT, FIND_COMPANY, CREATE_COMPANY, ASSOCIATE_COMPANY, createNoteRequest(true)],
        contacts,
      ),
      `DELETE ${paths.objects.one('companies', '{id}')}`,
    ],
    perRun:
      '1 contact only (+1 note); 3 with an existing company (+1 note = 4); 3 with a new company on Zapier (upsert, ' +
      'search, then create with the association inline by the run that claims the domain, or the association with ' +
      'the company it recorded for the others; +1 note = 4); without a claim (Make, or the store failing) 4 with a ' +
      'new company (upsert, search, create, 1 duplicate check; +1 note = 5), +1 check per second of search-index ' +
      "lag, +2 (archive, association) when an overlapping run created the domain's company first",
  },
  async perform(ctx) {
    const email = requiredText(ctx, 'email', label('email'));
    const rawDomain = ctx.input.company_domain;
    const domain =
      rawDomain === undefined || rawDomain === null || String(rawDomain).trim() === ''
        ? undefined
        : normalizeDomain(String(rawDomain), { key: 'company_domain', label: label('company_domain') });
    const note = ctx.input.note === undefined || ctx.input.note === null ? '' : String(ctx.input.note).trim();
    const run = runState(contacts, { inputFields: FIELDS });
    run.temp.domain = domain;
    run.temp.now = String(ctx.now());

    const upserted = await sendRequest<UpsertAnswer>(ctx, UPSERT_CONTACT, run);
    const [error] = errorsFromBatch(upserted.data, { objectType: 'contacts' });
    if (error) throw error;
    const contact = upserted.data.results?.[0];
    if (!contact) throw new Error('HubSpot answered the contact upsert without a contact.');
    run.temp.contactId = contact.id;

    const synced = domain ? await syncCompany(ctx, run, domain) : undefined;
    if (synced) run.temp.companyId = synced.company.id;

    const noteId = note
      ? await createNote(ctx, run, { email, note, withCompany: Boolean(synced) })
      : undefined;

    return syncOutput(contact, synced, noteId);
  },
};

function syncOutput(
  contact: HubSpotRecord & { new?: boolean },
  synced: { company: SyncedCompany; created: boolean } | undefined,
  noteId: string | undefined,
): OperationResult {
  const props = contact.properties ?? {};
  return {
    id: contact.id,
    contact_id: contact.id,
    contact_created: contact.new ?? false,
    email: props.email ?? null,
    firstname: props.firstname ?? null,
    lastname: props.lastname ?? null,
    company_id: synced?.company.id ?? null,
    company_created: synced?.created ?? false,
    company_domain: synced?.company.properties?.domain ?? null,
    company_name: synced?.company.properties?.name ?? null,
    note_id: noteId ?? null,
  };
}
