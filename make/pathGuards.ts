import { notAListId } from '../operations/lists/common';
import { notARecordLocator } from '../operations/objects/common';
import { DOT_SEGMENT_REASON, notARecordId } from '../operations/records';
import type { Json, MakeModule } from './model';

/**
 * Checks a module runs on its input before any HubSpot call, with the Zapier operations' wording: a
 * request-less step (no `url`, only `response`: Make's static mode, whose `valid` still applies,
 * https://developers.make.com/custom-apps-documentation/component-blocks/api/request-less-communication) that stops
 * the module with a DataError naming the field (the Make type of `FieldValidationError`).
 */

/** The wording of a field error, as `FieldValidationError` words it on Zapier: `Label (name): reason`. */
export const fieldMessage = (param: { name: string; label: string }, reason: string) =>
  `${param.label} (${param.name}): ${reason}`;

/** A step that lets the module go on only when `condition` (an IML expression, without braces) holds. */
export function guardStep(condition: string, message: string): Json {
  return { response: { valid: { condition: `{{${condition}}}`, type: 'DataError', message } } };
}

/**
 * True when a text is made of digits only. IML has no regex test, but `replace` takes a `/regex/g` that removes
 * every digit (help.make.com text functions), and nothing may remain.
 */
export function digitsOnly(text: string): string {
  return `${text} != '' && replace(${text}, '/[0-9]/g', '') == ''`;
}

/**
 * What a parameter placed in a URL path must be: a HubSpot record id or list id (digits only, as `recordIdInput`
 * and `readList` check on Zapier), any one segment (not `.` or `..`), or a record id unless the parameter named in
 * `uniqueBy` ("Find by") names a unique property, whose value may be anything (an e-mail).
 */
export type PathCheck = 'recordId' | 'listId' | 'segment' | { uniqueBy: string };

/** The parameters a module places in its URLs, each with its check; declared by the module, never guessed. */
export type PathParams = Readonly<Record<string, PathCheck>>;

const NUMERIC: Readonly<Record<'recordId' | 'listId', (value: string) => string>> = {
  recordId: notARecordId,
  listId: notAListId,
};

/** The checks of one parameter placed in a URL path (`imlPath` encodes it; encoding leaves dots alone). */
function guardsFor(param: { name: string; label: string }, check: PathCheck): Json[] {
  const value = `parameters.${param.name}`;
  // Optional ids (attach_to_id) are checked when given; Make itself refuses a missing required one.
  if (check === 'recordId' || check === 'listId')
    return [
      guardStep(`!${value} || (${digitsOnly(value)})`, fieldMessage(param, NUMERIC[check](`{{${value}}}`))),
    ];
  const notDot = guardStep(`${value} != '.' && ${value} != '..'`, fieldMessage(param, DOT_SEGMENT_REASON));
  if (check === 'segment') return [notDot];
  // A record id, or any unique value (an e-mail) when "Find by" names its property: never checked as numeric then.
  const locator = `parameters.${check.uniqueBy} || (${digitsOnly(value)})`;
  return [notDot, guardStep(locator, fieldMessage(param, notARecordLocator(`{{${value}}}`)))];
}

/**
 * The module with guard steps first for every parameter its URLs place in a path, so `.`, `..` or a non-numeric id
 * stops it naming the field before any HubSpot call. Triggers are left as they are: their parameters are static,
 * picked from the module's options, never mapped (https://developers.make.com/custom-apps-documentation/app-components/modules/trigger).
 */
export function withPathGuards(module: MakeModule, pathParams: PathParams): MakeModule {
  if (module.moduleType === 'trigger') return module;
  const names = Object.keys(pathParams);
  if (names.length === 0) return module;
  const steps = Array.isArray(module.communication) ? module.communication : [module.communication];
  const params = [...module.staticParams, ...module.mappableParams].filter(
    (p): p is Json => typeof p === 'object',
  );
  const labelOf = (name: string) => String(params.find((p) => p.name === name)?.label ?? name);
  const guards = names.flatMap((name) => guardsFor({ name, label: labelOf(name) }, pathParams[name]!));
  return { ...module, communication: [...guards, ...steps] };
}
