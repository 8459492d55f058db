import {
  type AppDefinition,
  type Field,
  isHidden,
  isPollingTrigger,
  type Json,
  operationsOf,
  outputFields,
  sampleValue,
} from './definition';
import type { Finding } from './rules';

/**
 * Sample and output rules: every visible operation has a one-item sample and labelled output fields, polling samples
 * hold the dedupe key, and sample values fit their declared types, dates in ISO 8601.
 * https://platform.zapier.com/build/sample-data
 */

/** `2023-08-01`, or a date and time with a zone: `2023-08-01T06:50:30Z`, `…-0500`, `…-05:00` (checks D023, T003). */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** Strings that read as dates: `2023-08-01…`, `01 Aug 2023`, `08/01/2023`. */
const DATE_LIKE = /^(\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]{2} \d{4}|\d{1,2}\/\d{1,2}\/\d{2,4})/;

export function dataRules(app: AppDefinition): Finding[] {
  const findings: Finding[] = [];
  const add = (rule: string, where: string, message: string) => findings.push({ rule, where, message });
  for (const { kind, op, where } of operationsOf(app)) {
    const sample = op.operation?.sample;
    const hasSample = typeof sample === 'object' && sample !== null && !Array.isArray(sample);
    if (!isHidden(op)) {
      if (!hasSample || Object.keys(sample as Json).length === 0)
        add(
          'D012',
          `${where}.operation.sample`,
          'needs a static sample of one item (an object, not a list).',
        );
      if (outputFields(op).length === 0) add('BG-output-fields', where, 'declares no output fields.');
    }
    for (const field of outputFields(op))
      if (!field.label?.trim())
        add(
          'BG-output-fields',
          `${where}.outputFields.${field.key}`,
          `output field "${field.key}" has no label.`,
        );
    if (!hasSample) continue;
    if (isPollingTrigger(kind, op)) checkDedupeKey(sample as Json, outputFields(op), where, add);
    checkDates(sample, `${where}.operation.sample`, add);
    checkTypes(sample as Json, outputFields(op), where, add);
  }
  return findings;
}

type Add = (rule: string, where: string, message: string) => void;

/** D010: Zapier dedupes polling results on `id`, or on the output fields marked `primary`. */
function checkDedupeKey(sample: Json, fields: Field[], where: string, add: Add) {
  const primary = fields.filter((f) => f.primary).map((f) => f.key);
  for (const key of primary.length > 0 ? primary : ['id']) {
    const { found, value } = sampleValue(sample, key);
    if (!found) add('D010', `${where}.operation.sample`, `has no "${key}", the key Zapier dedupes on.`);
    else if (typeof value !== 'string' && typeof value !== 'number')
      add(
        'D010',
        `${where}.operation.sample`,
        `"${key}" is ${JSON.stringify(value)}; a string or number is needed.`,
      );
  }
}

function checkDates(value: unknown, at: string, add: Add) {
  if (typeof value === 'string') {
    if (DATE_LIKE.test(value) && !ISO_8601.test(value))
      add('D023', at, `"${value}" is not ISO 8601 with a time zone (2023-09-15T09:59:59Z).`);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) checkDates(v, `${at}.${k}`, add);
  }
}

/** D024: required output fields are in the sample, and values present have the declared type. */
function checkTypes(sample: Json, fields: Field[], where: string, add: Add) {
  for (const field of fields) {
    const at = `${where}.outputFields.${field.key}`;
    const { found, value } = sampleValue(sample, field.key);
    if (!found) {
      if (field.required) add('D024', at, `required output field "${field.key}" is missing from the sample.`);
      continue;
    }
    if (value === null || value === undefined) continue;
    const problem = typeProblem(field.type ?? 'string', value);
    if (problem) add('D024', at, `sample value ${JSON.stringify(value)} ${problem}.`);
  }
}

function typeProblem(type: string, value: unknown): string | undefined {
  if (Array.isArray(value) || (typeof value === 'object' && value !== null)) return undefined;
  switch (type) {
    case 'integer':
      return Number.isInteger(value) ? undefined : 'is not an integer';
    case 'number':
      return typeof value === 'number' ? undefined : 'is not a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'is not true or false';
    case 'datetime':
      return typeof value === 'string' && ISO_8601.test(value) ? undefined : 'is not an ISO 8601 date-time';
    case 'string':
      return typeof value === 'string' ? undefined : 'is not a string';
    default:
      return undefined;
  }
}
