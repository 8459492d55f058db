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

export const EXEMPTIONS: readonly Exemption[] = [
  ...['contact', 'company', 'deal', 'ticket', 'order', 'object'].map((noun) => ({
    rule: 'BG-update-trigger',
    where: `triggers.new_or_updated_${noun}`,
    reason: GENERIC_UPDATE_TRIGGER,
  })),
];
