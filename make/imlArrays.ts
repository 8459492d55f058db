/**
 * Arrays of objects built from values, in IML. HubSpot wants `[{to: {id}}, …]` or `[{id}, …]` where a Make field
 * holds `['51', '52']`, and IML's built-in functions have no "map each value to an object". They do have
 * `createJSON`, `replace`, `substring` and `parseJSON`, so the JSON text of the array is rewritten: in
 * `createJSON(['51','52'])` = `["51","52"]`, an unescaped `","` only ever stands between two values (a quote inside a
 * value is escaped as `\"`), so replacing every one (`replace` with a `/regex/g`, help.make.com text functions)
 * wraps every value safely whatever characters the values hold. JSON functions:
 * https://developers.make.com/custom-apps-documentation/component-blocks/api/processing-of-json-strings-inside-a-json-object
 */

/**
 * No `{{`/`}}` and no `'` in a literal: the template and the IML string would end there; no `$`, which a
 * replacement would read as a pattern.
 */
function literal(text: string): string {
  if (/\{\{|\}\}|'|\$/.test(text)) throw new Error(`make/imlArrays.ts: cannot quote ${text} in IML`);
  return `'${text}'`;
}

/**
 * An IML expression (no braces) for `[before + JSON(v) + after, …]` over the values of an array expression, or
 * `emptyarray` when it is empty or unmapped (Make passes an unmapped array as undefined,
 * https://developers.make.com/custom-apps-documentation/other/processing-of-empty-values). Values are sent as JSON
 * strings: `before`/`after` hold the rest of each object.
 */
export function objectsFromValues(values: string, before: string, after: string | AfterIml): string {
  const json = `createJSON(${values})`;
  const inner = `substring(${json}, 1, length(${json}) - 1)`;
  if (typeof after !== 'string') {
    const wrapped = `replace(${inner}, '/","/g', '"' + ${after.iml} + ${literal(`,${before}"`)})`;
    return `if(length(ifempty(${values}, emptyarray)) > 0, parseJSON(${literal(`[${before}`)} + ${wrapped} + ${after.iml} + ']'), emptyarray)`;
  }
  const wrapped = `replace(${inner}, '/","/g', ${literal(`"${after},${before}"`)})`;
  return `if(length(ifempty(${values}, emptyarray)) > 0, parseJSON(${literal(`[${before}`)} + ${wrapped} + ${literal(`${after}]`)}), emptyarray)`;
}

/** An `after` computed in IML (no `$` in its value: it is a replacement), e.g. a chosen association type. */
export interface AfterIml {
  iml: string;
}

/** The same for one optional value: `[before + JSON(v) + after]`, or `emptyarray` when it is empty. */
export function objectFromValue(value: string, before: string, after: string | AfterIml): string {
  const tail = typeof after === 'string' ? literal(`${after}]`) : `${after.iml} + ']'`;
  return `if(${value}, parseJSON(${literal(`[${before}`)} + createJSON(toString(${value})) + ${tail}), emptyarray)`;
}

/** HubSpot's inline association to a record by id, with a HUBSPOT_DEFINED type (`POST /crm/v3/objects/{type}`). */
export function associationParts(associationTypeId: number): { before: string; after: string } {
  return {
    before: '{"to":{"id":',
    after: `},"types":[{"associationCategory":"HUBSPOT_DEFINED","associationTypeId":${associationTypeId}}]}`,
  };
}

/**
 * The same `after` with the association type chosen in a label parameter (`CATEGORY:typeId`, the label RPC's value),
 * or `defaultTypeId` when it is empty. Only capitals and `_` are kept of the category and digits of the id, so a
 * mapped value cannot break out of the JSON.
 */
export function chosenAssociationAfter(labelParam: string, defaultTypeId: number): AfterIml {
  const category = `replace(first(split(${labelParam}, ':')), '/[^A-Z_]/g', '')`;
  // A value that is no label leaves no digits: 0, which HubSpot refuses (a DataError), rather than broken JSON.
  const typeId = `ifempty(replace(last(split(${labelParam}, ':')), '/[^0-9]/g', ''), '0')`;
  const chosen = `${literal('},"types":[{"associationCategory":"')} + ${category} + ${literal('","associationTypeId":')} + ${typeId} + ${literal('}]}')}`;
  return { iml: `if(${labelParam}, ${chosen}, ${literal(associationParts(defaultTypeId).after)})` };
}
