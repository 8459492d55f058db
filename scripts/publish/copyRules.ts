import { titleCase } from '../../operations/wording';
import {
  type AppDefinition,
  type Field,
  isHidden,
  type Kind,
  type Located,
  operationsOf,
  outputFields,
  staticFields,
} from './definition';
import type { Finding } from './rules';

/**
 * Copy rules: labels, descriptions, nouns, keys and help texts, as Zapier's checks and build guidelines ask.
 * https://platform.zapier.com/publish/integration-build-guidelines#trigger-design-and-copy
 */

export interface CopyOptions {
  /** The integration's name, which descriptions must not repeat ("…in Example CRM"). */
  appName: string;
}

/** Zapier's only figure for short copy: "roughly tweet-sized … a maximum of 140 characters" (check M002). */
export const MAX_DESCRIPTION_LENGTH = 140;

/** Verbs whose actions destroy data and need a warning (build guidelines, "Delete actions"). */
const DESTRUCTIVE_VERBS = new Set(['archive', 'delete', 'erase', 'merge', 'purge', 'remove']);

/** A consonant then "ys" ("Propertys"), "sss", or "s" after x/z/ch/sh ("Boxs"): never an English plural. */
const BROKEN_PLURAL = /\b[A-Za-z]*(?:[b-df-hj-np-tv-xz]ys|sss|[xz]s|[cs]hs)\b/;

const GENERIC_KEY = /^(trigger|action|create|search|step)_?\d*$/i;

export function copyRules(app: AppDefinition, options: CopyOptions): Finding[] {
  const findings: Finding[] = [];
  const add = (rule: string, where: string, message: string) => findings.push({ rule, where, message });

  for (const located of operationsOf(app)) {
    const { kind, key, op, where } = located;
    const label = op.display?.label;
    if (label !== undefined) checkLabel(label, `${where}.display.label`, add);
    if (GENERIC_KEY.test(key)) add('BG-key', where, `key "${key}" does not say what the operation does.`);
    checkNoun(op.noun, where, add);
    if (!isHidden(op)) {
      checkDescription(kind, located, options, add);
      if (kind === 'searches' && label && !/^Find\b/.test(label))
        add('BG-search-label', `${where}.display.label`, `"${label}" should start with "Find".`);
      if (kind === 'triggers' && label && /^(New or )?Updated\b/.test(label))
        add(
          'BG-update-trigger',
          where,
          `"${label}" fires on any change; offer a trigger on a chosen change.`,
        );
      if (kind === 'creates') checkDestructive(located, add);
    }
    checkFields(located, add);
  }
  for (const [key, soc] of Object.entries(app.searchOrCreates ?? {})) {
    const where = `searchOrCreates.${key}`;
    if (soc.display?.label !== undefined) checkLabel(soc.display.label, `${where}.display.label`, add);
    const description = soc.display?.description ?? '';
    checkSentence(description, `${where}.display.description`, options, add);
    if (!/^Finds /.test(description))
      add('BG-description', `${where}.display.description`, `"${description}" should start with "Finds".`);
  }
  return findings;
}

type Add = (rule: string, where: string, message: string) => void;

function checkLabel(label: string, where: string, add: Add) {
  if (label.length < 2 || label.length > 64)
    add('SCHEMA-display', where, `"${label}" has ${label.length} characters; 2 to 64 are allowed.`);
  const expected = titleCase(label);
  if (label !== expected) add('D018', where, `"${label}" is not in title case; write "${expected}".`);
  checkPlural(label, where, add);
}

function checkNoun(noun: string | undefined, where: string, add: Add) {
  if (!noun) return add('BG-noun', where, 'has no noun.');
  const last = noun.split(' ').pop() ?? '';
  if (/[^su]s$/i.test(last) && !/(ss|is)$/i.test(last))
    add('BG-noun', `${where}.noun`, `"${noun}" looks plural; the noun is singular (Zapier pluralises it).`);
  checkPlural(noun, `${where}.noun`, add);
}

function checkPlural(text: string, where: string, add: Add) {
  const broken = BROKEN_PLURAL.exec(text);
  if (broken) add('HB-plural', where, `"${broken[0]}" is a broken plural.`);
}

/** Descriptions of visible operations: the verb each kind starts with, then the shared sentence rules. */
function checkDescription(kind: Kind, { op, where }: Located, options: CopyOptions, add: Add) {
  const description = op.display?.description ?? '';
  const at = `${where}.display.description`;
  if (kind === 'triggers') {
    if (!description.startsWith('Triggers when ') || !description.endsWith('.'))
      add('D021', at, `"${description}" should start with "Triggers when " and end with a period.`);
  } else if (kind === 'searches') {
    if (!/^Finds /.test(description))
      add('BG-description', at, `"${description}" should start with "Finds".`);
  } else if (!/^[A-Z][a-z]+s\b/.test(description)) {
    add('BG-description', at, `"${description}" should start with a verb in its plural form ("Creates").`);
  }
  checkSentence(description, at, options, add);
  if (op.noun && /[A-Z]/.test(op.noun)) {
    const capitalised = new RegExp(`(?<!^)\\b${escapeRegExp(op.noun)}\\b`);
    if (capitalised.test(description))
      add('BG-description', at, `write the noun "${op.noun}" in lower case inside the sentence.`);
  }
}

function checkSentence(description: string, at: string, { appName }: CopyOptions, add: Add) {
  if (description.length === 0) return add('BG-description', at, 'is empty.');
  if (!description.endsWith('.')) add('BG-description', at, `"${description}" should end with a period.`);
  if (/[.!?]\s+[A-Z]/.test(description))
    add('BG-description', at, `"${description}" has more than one sentence.`);
  if (description.length > MAX_DESCRIPTION_LENGTH)
    add('BG-description', at, `has ${description.length} characters; keep it to ${MAX_DESCRIPTION_LENGTH}.`);
  for (const name of ['Zapier', appName])
    if (new RegExp(`\\b${escapeRegExp(name)}\\b`, 'i').test(description))
      add('BG-description', at, `"${description}" names ${name}; descriptions say what happens, not where.`);
  checkPlural(description, at, add);
}

function checkDestructive({ op, where }: Located, add: Add) {
  const verb = (op.display?.label ?? '').split(' ')[0]?.toLowerCase() ?? '';
  if (!DESTRUCTIVE_VERBS.has(verb)) return;
  const warning = staticFields(op).find((f) => f.type === 'copy' && (f.helpText ?? '').trim() !== '');
  if (!warning)
    add('BG-delete-copy', where, `"${op.display.label}" has no Copy field saying what cannot be undone.`);
}

/** Input fields: help text present, not a copy of the label, valid links, no plural slips; required ones first. */
function checkFields({ op, where }: Located, add: Add) {
  let optionalSeen: Field | undefined;
  for (const field of staticFields(op)) {
    const at = `${where}.inputFields.${field.key}`;
    const help = field.helpText?.trim() ?? '';
    // A line-item field (`children`) may not have help text (Zapier's schema: they exclude each other); its rows do.
    if (help === '' && !field.children?.length)
      add('HB-help-text', at, `"${field.label ?? field.key}" has no help text.`);
    else if (normalise(help) === normalise(field.label ?? field.key))
      add('D011', at, `help text "${help}" repeats the label.`);
    checkLinks(help, at, add);
    checkPlural(`${field.label ?? ''} ${help}`, at, add);
    if (field.type === 'copy') continue;
    if (field.required && optionalSeen)
      add('BG-field-order', at, `required "${field.label}" comes after optional "${optionalSeen.label}".`);
    if (!field.required) optionalSeen ??= field;
  }
  checkLinks(op.display?.description ?? '', `${where}.display.description`, add);
  for (const field of outputFields(op))
    checkPlural(field.label ?? '', `${where}.outputFields.${field.key}`, add);
}

/** D008: a URL is either a Markdown link `[text](https://…)` or in backticks; a half-written link is an error. */
export function checkLinks(text: string, at: string, add: Add) {
  const withoutCode = text.replace(/`[^`]*`/g, '');
  const withoutLinks = withoutCode.replace(/\[[^\]\n]+\]\(\S+?\)/g, '');
  if (/https?:\/\//i.test(withoutLinks))
    add('D008', at, 'has a URL that is neither a Markdown link nor in backticks.');
  else if (/\[[^\]\n]*\(|\]\s+\(/.test(withoutLinks)) add('D008', at, 'has a broken Markdown link.');
}

const normalise = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
