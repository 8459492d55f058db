import type { Json } from './model';

/**
 * Checks a module runs on its input before any HubSpot call, the way the Zapier operations refuse bad input: a
 * request-less step (no `url`, only `response`: Make's static mode, whose `valid` still applies,
 * https://developers.make.com/custom-apps-documentation/component-blocks/api/request-less-communication) that stops
 * the module with a DataError naming the field, as the table's field errors are on Make.
 */

/** The wording of a field error, as `FieldValidationError` words it on Zapier: `Label (name): reason`. */
export const fieldMessage = (param: { name: string; label: string }, reason: string) =>
  `${param.label} (${param.name}): ${reason}`;

/** A step that lets the module go on only when `condition` (an IML expression, without braces) holds. */
export function guardStep(condition: string, message: string): Json {
  return { response: { valid: { condition: `{{${condition}}}`, type: 'DataError', message } } };
}

/** True when a text is made of digits only (IML has no regex test: every digit is removed and nothing may remain). */
export function digitsOnly(text: string): string {
  let rest = text;
  for (let d = 0; d <= 9; d++) rest = `replace(${rest}, '${d}', '')`;
  return `${text} != '' && ${rest} == ''`;
}
