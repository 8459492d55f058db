import { defaultAssociationTypeId } from './facts/associationTypes';
import { findStandardObjectType, type ObjectTypeDef } from './facts/objectTypes';
import { runtimeOptions } from './objects/runtimeOptions';
import type { Portal } from './portal';
import { putSeedRecord } from './seedRecord';

/**
 * Deterministic demo data: the same seed gives the same records, ids (on a fresh portal), values and links.
 * N contacts, N/10 companies and N/5 deals, spread over a year of creation dates in ascending order, with each contact
 * at a company, and each deal with one contact and that contact's company.
 *
 * Owners and deal stages come from the owners and pipelines stores through `propertyOptions` (see
 * objects/runtimeOptions.ts); while a store does not offer it, those properties are left out (`wrote` says so).
 * Associations go straight into the associations store, with HubSpot's default (unlabelled) type ids.
 */

export interface SeedOptions {
  contacts: number;
  /** Default: contacts / 10 (at least 1). */
  companies?: number;
  /** Default: contacts / 5. */
  deals?: number;
  seed: number;
  /** Creation date of the first record (epoch ms); default 2025-01-01T00:00:00Z. Records span one year from it. */
  start?: number;
}

/** One association to write: `from` and `to` are path names of standard types. */
export interface SeedLink {
  from: string;
  fromId: string;
  to: string;
  toId: string;
  associationTypeId: number;
}

export interface SeedResult {
  contactIds: string[];
  companyIds: string[];
  dealIds: string[];
  links: SeedLink[];
  /** Whether owners and deal stages were set; false while the owners or pipelines store offers no options. */
  wrote: { owners: boolean; dealStages: boolean };
}

const YEAR_MS = 365 * 24 * 3_600_000;

export function seedPortal(portal: Portal, options: SeedOptions): SeedResult {
  const random = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const contactCount = options.contacts;
  const companyCount = options.companies ?? Math.max(1, Math.floor(contactCount / 10));
  const dealCount = options.deals ?? Math.floor(contactCount / 5);
  const start = options.start ?? Date.UTC(2025, 0, 1);
  const types = {
    contacts: standard('contacts'),
    companies: standard('companies'),
    deals: standard('deals'),
  };
  const step = (count: number) => Math.max(1, Math.floor(YEAR_MS / Math.max(1, count)));
  const owners = runtimeOptions(portal, types.contacts, 'hubspot_owner_id', {}) ?? [];
  const ownerOf = (): Record<string, string> => (owners.length > 0 ? { hubspot_owner_id: pick(owners) } : {});

  const companies = Array.from({ length: companyCount }, (_, i) => {
    const name = `${pick(COMPANY_WORDS)} ${pick(COMPANY_NOUNS)} ${i + 1}`;
    const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`;
    const values = {
      name,
      domain,
      phone: phoneNumber(random),
      numberofemployees: String(5 + Math.floor(random() * 5_000)),
      ...optionOf(portal, types.companies, 'industry', pick),
      ...ownerOf(),
    };
    return {
      record: putSeedRecord(portal, types.companies, values, start + i * step(companyCount)),
      name,
      domain,
    };
  });

  const links: SeedLink[] = [];
  const link = (from: keyof typeof types, fromId: string, to: keyof typeof types, toId: string) =>
    links.push({ from, fromId, to, toId, associationTypeId: defaultAssociationTypeId(from, to)! });

  const contacts = Array.from({ length: contactCount }, (_, i) => {
    const firstname = pick(FIRST_NAMES);
    const lastname = pick(LAST_NAMES);
    const company = companies[Math.floor(random() * companies.length)]!;
    const values = {
      firstname,
      lastname,
      email: `${firstname}.${lastname}.${i + 1}@${company.domain}`.toLowerCase(),
      phone: phoneNumber(random),
      company: company.name,
      jobtitle: pick(JOB_TITLES),
      ...optionOf(portal, types.contacts, 'lifecyclestage', pick),
      ...ownerOf(),
    };
    const record = putSeedRecord(portal, types.contacts, values, start + i * step(contactCount));
    link('contacts', record.id, 'companies', company.record.id);
    return { record, company };
  });

  const pipelines = runtimeOptions(portal, types.deals, 'pipeline', {}) ?? [];
  const dealIds = Array.from({ length: dealCount }, (_, i) => {
    const contact = contacts.length > 0 ? contacts[Math.floor(random() * contacts.length)] : undefined;
    const at = start + i * step(dealCount);
    const values: Record<string, string> = {
      dealname: `${contact?.company.name ?? pick(COMPANY_WORDS)} - ${pick(DEAL_KINDS)}`,
      amount: String(Math.round(500 + random() * 99_500)),
      closedate: new Date(at + Math.floor(random() * 90) * 86_400_000).toISOString(),
      ...ownerOf(),
    };
    if (pipelines.length > 0) {
      values.pipeline = pick(pipelines);
      const stages = runtimeOptions(portal, types.deals, 'dealstage', values) ?? [];
      if (stages.length > 0) values.dealstage = pick(stages);
    }
    const record = putSeedRecord(portal, types.deals, values, at);
    if (contact) {
      link('deals', record.id, 'contacts', contact.record.id);
      link('deals', record.id, 'companies', contact.company.record.id);
    }
    return record.id;
  });

  writeLinks(portal, links);
  return {
    contactIds: contacts.map((c) => c.record.id),
    companyIds: companies.map((c) => c.record.id),
    dealIds,
    links,
    wrote: {
      owners: owners.length > 0,
      dealStages: pipelines.length > 0,
    },
  };
}

function writeLinks(portal: Portal, links: readonly SeedLink[]): void {
  for (const l of links) {
    const from = standard(l.from).objectTypeId;
    portal.associations.add(from, l.fromId, standard(l.to).objectTypeId, l.toId, l.associationTypeId);
  }
}

function standard(name: string): ObjectTypeDef {
  return findStandardObjectType(name)!;
}

/** One option of an enumeration, from the portal's property definition; nothing when it has no options. */
function optionOf(
  portal: Portal,
  type: ObjectTypeDef,
  property: string,
  pick: <T>(items: readonly T[]) => T,
): Record<string, string> {
  const options = portal.properties.get(type, property)?.options.filter((o) => !o.hidden) ?? [];
  return options.length > 0 ? { [property]: pick(options).value } : {};
}

const phoneNumber = (random: () => number) =>
  `+33 1 ${String(Math.floor(random() * 100_000_000))
    .padStart(8, '0')
    .replace(/(\d\d)(?=\d)/g, '$1 ')}`;

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same sequence on every platform. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const FIRST_NAMES = [
  'Ann',
  'Bruno',
  'Chloe',
  'David',
  'Emma',
  'Farid',
  'Grace',
  'Hugo',
  'Ines',
  'Jonas',
  'Karin',
  'Leo',
  'Maya',
  'Nils',
  'Olga',
  'Paul',
  'Quinn',
  'Rosa',
  'Samir',
  'Tess',
  'Ugo',
  'Vera',
  'Wen',
  'Xavier',
  'Yara',
  'Zoe',
];
const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Smith',
  'Jones',
  'Garcia',
  'Muller',
  'Rossi',
  'Silva',
  'Novak',
  'Kowalski',
  'Jensen',
  'Nakamura',
  'Okafor',
  'Haddad',
  'Larsen',
  'Moreau',
  'Fischer',
  'Costa',
  'Byrne',
];
const COMPANY_WORDS = [
  'Blue',
  'North',
  'Bright',
  'Swift',
  'Green',
  'Silver',
  'Open',
  'Prime',
  'Clear',
  'Bold',
];
const COMPANY_NOUNS = [
  'Labs',
  'Systems',
  'Works',
  'Logistics',
  'Foods',
  'Energy',
  'Media',
  'Health',
  'Studio',
];
const JOB_TITLES = ['CEO', 'CTO', 'Head of Sales', 'Buyer', 'Engineer', 'Office Manager', 'Marketing Lead'];
const DEAL_KINDS = ['Renewal', 'New licence', 'Upgrade', 'Pilot', 'Services'];
