import { at, FUNCTIONS, imlText, isCollection, kindOf, notDocumented, toDate } from './functions';
import { type Expr, parseExpression } from './parse';

/**
 * Evaluates IML templates against a scope (`parameters`, `connection`, `data`, `body`, `item`, `now`...), holding to
 * what https://developers.make.com/custom-apps-documentation/block-elements/iml documents and refusing the rest:
 * - A string that is exactly one `{{expr}}` keeps the value's type (the docs' `"body": "{{parameters}}"`,
 *   `"iterate": "{{body.results}}"`); any other string is text with each `{{expr}}` placed in it, which a
 *   collection or an array cannot be.
 * - Operators as listed there: equality is strict; `+` adds numbers or joins texts; relations compare numbers,
 *   texts, or dates (the OAuth docs' `{{data.expires < addMinutes(now, 15)}}`); `&& || !` read a value's truth,
 *   which for a collection or an array Make does not document.
 * - Arrays are 1-based and `-1` is the last item; a property of nothing, or of a text, is nothing (the pagination
 *   docs' `{{body.paging.next.after}}` on a last page; `body.category` of an HTML error page).
 * - Objects are walked key by key; a key `{{...}}` spreads a collection into the object it stands in, which Make
 *   documents at the top of a request's `qs`/`headers` (the REST universal module) and of a `body` or `output`
 *   (https://developers.make.com/custom-apps-documentation/component-blocks/api/processing-of-json-strings-inside-a-json-object),
 *   nowhere deeper. Keys whose value is undefined are dropped: Make ignores empty values
 *   (https://developers.make.com/custom-apps-documentation/other/processing-of-empty-values).
 */

export type Scope = Record<string, unknown>;

/**
 * The variables the docs name (IML page, the component blocks' pages, connections, triggers and webhooks), and the
 * keywords of Make's own IML grammar (integromat/vscode-apps-sdk, syntaxes/iml/iml.tmLanguage).
 */
const VARIABLES = new Set([
  'now',
  'environment',
  'temp',
  'parameters',
  'connection',
  'common',
  'data',
  'scenario',
  'metadata',
  'body',
  'headers',
  'statusCode',
  'item',
  'output',
  'iterate',
  'query',
  'oauth',
  'webhook',
  'payload',
  'pagination',
]);
const KEYWORDS: Record<string, () => unknown> = {
  emptyarray: () => [],
  emptystring: () => '',
};

const cache = new Map<string, Expr>();
function parsed(source: string): Expr {
  let expr = cache.get(source);
  if (!expr) {
    expr = parseExpression(source);
    cache.set(source, expr);
  }
  return expr;
}

/** A value's truth, as JavaScript reads it, for the values where that is not in doubt. */
export function truth(v: unknown, where: string): boolean {
  if (Array.isArray(v) || isCollection(v) || v instanceof Uint8Array)
    return notDocumented(`the truth of ${kindOf(v)} (${where})`);
  return Boolean(v);
}

function number(v: unknown, op: string): number {
  if (typeof v === 'number') return v;
  return notDocumented(`"${op}" with ${kindOf(v)}`);
}

const isDateLike = (v: unknown) => v instanceof Date || typeof v === 'string';

function compare(op: string, l: unknown, r: unknown): boolean {
  let x: number | string;
  let y: number | string;
  if ((l instanceof Date && isDateLike(r)) || (r instanceof Date && isDateLike(l))) {
    x = toDate(l, `"${op}"`).getTime();
    y = toDate(r, `"${op}"`).getTime();
  } else if (typeof l === 'number' && typeof r === 'number') [x, y] = [l, r];
  else if (typeof l === 'string' && typeof r === 'string') [x, y] = [l, r];
  else return notDocumented(`"${op}" between ${kindOf(l)} and ${kindOf(r)}`);
  if (op === '<') return x < y;
  if (op === '<=') return x <= y;
  if (op === '>') return x > y;
  return x >= y;
}

function equal(l: unknown, r: unknown, op: string): boolean {
  if (l instanceof Date || r instanceof Date)
    return notDocumented(`"${op}" with a date (compare formatted dates)`);
  return l === r;
}

function plus(l: unknown, r: unknown): unknown {
  if (typeof l === 'number' && typeof r === 'number') return l + r;
  const joinable = (v: unknown) => typeof v === 'string' || typeof v === 'number';
  if (joinable(l) && joinable(r) && (typeof l === 'string' || typeof r === 'string')) return `${l}${r}`;
  return notDocumented(`"+" between ${kindOf(l)} and ${kindOf(r)}`);
}

export function evaluate(expr: Expr, scope: Scope): unknown {
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'name':
      if (Object.hasOwn(KEYWORDS, expr.name)) return KEYWORDS[expr.name]!();
      if (!VARIABLES.has(expr.name)) return notDocumented(`the variable "${expr.name}"`);
      return scope[expr.name];
    case 'member': {
      const object = evaluate(expr.object, scope);
      if (object === undefined || object === null) return undefined;
      if (isCollection(object)) return object[expr.property];
      // JavaScript's dot notation (the IML page) finds nothing on a text (an error page's body) but its own members.
      if (typeof object === 'object' || expr.property in Object(object))
        return notDocumented(`the property "${expr.property}" of ${kindOf(object)}`);
      return undefined;
    }
    case 'index': {
      const object = evaluate(expr.object, scope);
      if (object === undefined || object === null) return undefined;
      // Brackets pick an array's item; a collection's property by a computed name is `get()`'s job (IML page).
      if (!Array.isArray(object)) return notDocumented(`[] on ${kindOf(object)} (use get())`);
      return at(object, evaluate(expr.index, scope));
    }
    case 'call': {
      const fn = Object.hasOwn(FUNCTIONS, expr.name) ? FUNCTIONS[expr.name] : undefined;
      if (!fn) throw new Error(`IML: unknown function ${expr.name}()`);
      // `if` returns one of its values; only that one is evaluated (a function call has no other effect).
      if (expr.name === 'if') {
        if (expr.args.length !== 3) return fn.run(...expr.args);
        const [condition, a, b] = expr.args;
        return evaluate(truth(evaluate(condition!, scope), 'if()') ? a! : b!, scope);
      }
      return fn.run(...expr.args.map((a) => evaluate(a, scope)));
    }
    case 'unary': {
      const v = evaluate(expr.operand, scope);
      return expr.op === '!' ? !truth(v, '"!"') : -number(v, '-');
    }
    case 'binary': {
      if (expr.op === '&&' || expr.op === '||') {
        const l = evaluate(expr.left, scope);
        const go = truth(l, `"${expr.op}"`) === (expr.op === '&&');
        if (!go) return l;
        const r = evaluate(expr.right, scope);
        truth(r, `"${expr.op}"`);
        return r;
      }
      const l = evaluate(expr.left, scope);
      const r = evaluate(expr.right, scope);
      switch (expr.op) {
        case '==':
          return equal(l, r, '==');
        case '!=':
          return !equal(l, r, '!=');
        case '+':
          return plus(l, r);
        case '-':
          return number(l, '-') - number(r, '-');
        case '*':
          return number(l, '*') * number(r, '*');
        case '/':
          return number(l, '/') / number(r, '/');
        case '%':
          return number(l, '%') % number(r, '%');
        default:
          return compare(expr.op, l, r);
      }
    }
  }
}

const SINGLE = /^\{\{([\s\S]*)\}\}$/;

export function evaluateString(template: string, scope: Scope): unknown {
  const single = SINGLE.exec(template);
  if (single && !single[1]!.includes('{{') && !single[1]!.includes('}}')) {
    return evaluate(parsed(single[1]!), scope);
  }
  return template.replace(/\{\{([\s\S]*?)\}\}/g, (_, source: string) =>
    imlText(evaluate(parsed(source), scope), 'placed inside text'),
  );
}

export const SPREAD = '{{...}}';

/**
 * Renders any JSON-shaped IML value. `spread` is true for the top of a `qs`, `headers`, `body` or `output`, the only
 * places Make documents a `{{...}}` key.
 */
export function render(value: unknown, scope: Scope, spread = false): unknown {
  if (typeof value === 'string') return evaluateString(value, scope);
  if (Array.isArray(value)) return value.map((v) => render(v, scope));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(value)) {
      if (key === SPREAD) {
        if (!spread) notDocumented('a "{{...}}" key below the top of a qs, headers, body or output');
        const rendered = render(raw, scope);
        if (!isCollection(rendered)) notDocumented(`a "{{...}}" spread of ${kindOf(rendered)}`);
        Object.assign(out, rendered);
        continue;
      }
      if (key.includes('{{')) notDocumented(`an IML expression in the key "${key}"`);
      const v = render(raw, scope);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  return value;
}

/** Every `{{expr}}` in a JSON-shaped value, parsed, so a test can refuse IML the evaluator cannot run. */
export function expressionsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    for (const m of value.matchAll(/\{\{([\s\S]*?)\}\}/g)) out.push(m[1]!);
  } else if (Array.isArray(value)) {
    for (const v of value) expressionsIn(v, out);
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k !== SPREAD) expressionsIn(k, out);
      expressionsIn(v, out);
    }
  return out;
}
