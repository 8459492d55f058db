import { at, FUNCTIONS, imlString, toDate } from './functions';
import { type Expr, parseExpression } from './parse';

/**
 * Evaluates IML templates against a scope (`parameters`, `connection`, `data`, `body`, `item`, `now`...). A string
 * that is exactly one `{{expr}}` keeps the value's type; any other string is text with each `{{expr}}` interpolated.
 * Objects are walked key by key; a `"{{...}}"` key spreads the collection its value evaluates to. Keys whose value
 * is `undefined` are dropped, as Make drops unmapped values.
 */

export type Scope = Record<string, unknown>;

const cache = new Map<string, Expr>();
function parsed(source: string): Expr {
  let expr = cache.get(source);
  if (!expr) {
    expr = parseExpression(source);
    cache.set(source, expr);
  }
  return expr;
}

function compare(a: unknown, b: unknown): [number, number] | [string, string] {
  if (a instanceof Date || b instanceof Date)
    return [toDate(a)?.getTime() ?? NaN, toDate(b)?.getTime() ?? NaN];
  if (typeof a === 'number' || typeof b === 'number') return [Number(a), Number(b)];
  return [imlString(a), imlString(b)];
}

function equal(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return toDate(a)?.getTime() === toDate(b)?.getTime();
  return a === b;
}

export function evaluate(expr: Expr, scope: Scope): unknown {
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'name':
      if (expr.name === 'emptyarray') return [];
      return scope[expr.name];
    case 'member': {
      const object = evaluate(expr.object, scope);
      if (object === undefined || object === null) return undefined;
      return (object as Record<string, unknown>)[expr.property];
    }
    case 'index': {
      const object = evaluate(expr.object, scope);
      const index = evaluate(expr.index, scope);
      if (Array.isArray(object) && typeof index === 'number') return at(object, index);
      if (object === undefined || object === null) return undefined;
      return (object as Record<string, unknown>)[imlString(index)];
    }
    case 'call': {
      const fn = FUNCTIONS[expr.name];
      if (!fn) throw new Error(`IML: function ${expr.name}() is not supported by this evaluator`);
      // `if` evaluates only the branch it returns, as Make does.
      if (expr.name === 'if') {
        const [condition, a, b] = expr.args;
        return evaluate(condition!, scope)
          ? a
            ? evaluate(a, scope)
            : undefined
          : b
            ? evaluate(b, scope)
            : undefined;
      }
      return fn(...expr.args.map((a) => evaluate(a, scope)));
    }
    case 'unary': {
      const v = evaluate(expr.operand, scope);
      return expr.op === '!' ? !v : -Number(v);
    }
    case 'binary': {
      if (expr.op === '&&') return evaluate(expr.left, scope) && evaluate(expr.right, scope);
      if (expr.op === '||') return evaluate(expr.left, scope) || evaluate(expr.right, scope);
      const l = evaluate(expr.left, scope);
      const r = evaluate(expr.right, scope);
      switch (expr.op) {
        case '==':
          return equal(l, r);
        case '!=':
          return !equal(l, r);
        case '+':
          return typeof l === 'number' && typeof r === 'number' ? l + r : imlString(l) + imlString(r);
        case '-':
          return Number(l) - Number(r);
        case '*':
          return Number(l) * Number(r);
        case '/':
          return Number(l) / Number(r);
        case '%':
          return Number(l) % Number(r);
        default: {
          const [x, y] = compare(l, r);
          if (expr.op === '<') return x < y;
          if (expr.op === '<=') return x <= y;
          if (expr.op === '>') return x > y;
          return x >= y;
        }
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
    imlString(evaluate(parsed(source), scope)),
  );
}

/** Renders any JSON-shaped IML value. */
export function render(value: unknown, scope: Scope): unknown {
  if (typeof value === 'string') return evaluateString(value, scope);
  if (Array.isArray(value)) return value.map((v) => render(v, scope));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(value)) {
      if (key === '{{...}}') {
        Object.assign(out, render(raw, scope) as object);
        continue;
      }
      const v = render(raw, scope);
      if (v !== undefined) out[imlString(evaluateString(key, scope))] = v;
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
      if (k !== '{{...}}') expressionsIn(k, out);
      expressionsIn(v, out);
    }
  return out;
}
