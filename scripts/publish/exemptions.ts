/**
 * Findings the team has decided to keep, each with its reason. An exemption names one rule at one place; one that
 * no longer matches a finding is itself reported, so the list cannot outlive the code it excuses.
 */
export interface Exemption {
  rule: string;
  where: string;
  reason: string;
}

const GENERIC_UPDATE_TRIGGER =
  'Kept on purpose: it is the one trigger that follows every change of a record for two-way sync (README, "How ' +
  'the polling triggers lose nothing"); triggers on a chosen change exist beside it (property changed, deal stage).';

const PROPERTY_FIELDS_ONLY =
  "Its fields are the portal's own properties (custom ones, option lists, required flags differ per portal), so " +
  'they load from the account; static copies would drift from what HubSpot accepts.';

export const EXEMPTIONS: readonly Exemption[] = [
  ...['contact', 'company', 'deal', 'ticket', 'object'].map((noun) => ({
    rule: 'BG-update-trigger',
    where: `triggers.new_or_updated_${noun}`,
    reason: GENERIC_UPDATE_TRIGGER,
  })),
  ...['contact', 'company', 'deal', 'ticket', 'product'].map((noun) => ({
    rule: 'D022',
    where: `creates.create_${noun}`,
    reason: PROPERTY_FIELDS_ONLY,
  })),
];
