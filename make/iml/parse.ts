/**
 * A parser for Make's app IML as its page documents it: literals, dotted paths with backtick names and `[n]` indexes,
 * function calls, and the operators `+ - * / %`, `==` (also `=`, `===`), `!=` (also `!==`), `< <= > >=`, `&& || !`
 * (plus `-` before a number, as in `addSeconds(now, -60)`, which the date functions' pages document for subtracting).
 * Syntax per https://developers.make.com/custom-apps-documentation/block-elements/iml (app IML separates arguments with
 * commas). What an expression means is evaluate.ts's concern.
 */

export type Expr =
  | { type: 'literal'; value: unknown }
  | { type: 'name'; name: string }
  | { type: 'member'; object: Expr; property: string }
  | { type: 'index'; object: Expr; index: Expr }
  | { type: 'call'; name: string; args: Expr[] }
  | { type: 'unary'; op: '!' | '-'; operand: Expr }
  | { type: 'binary'; op: string; left: Expr; right: Expr };

interface Token {
  kind: 'num' | 'str' | 'id' | 'op' | 'end';
  text: string;
  value?: unknown;
}

const OPERATORS = [
  '===',
  '!==',
  '&&',
  '||',
  '==',
  '!=',
  '<=',
  '>=',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '=',
  '!',
  '(',
  ')',
  ',',
  '.',
  '[',
  ']',
];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(source.slice(i))!;
      tokens.push({ kind: 'num', text: m[0], value: Number(m[0]) });
      i += m[0].length;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      let text = '';
      while (j < source.length && source[j] !== c) {
        if (source[j] === '\\') j++;
        text += source[j];
        j++;
      }
      if (j >= source.length) throw new Error(`IML: unterminated string in ${source}`);
      tokens.push({ kind: 'str', text, value: text });
      i = j + 1;
    } else if (c === '`') {
      const end = source.indexOf('`', i + 1);
      if (end < 0) throw new Error(`IML: unterminated backtick name in ${source}`);
      tokens.push({ kind: 'id', text: source.slice(i + 1, end) });
      i = end + 1;
    } else if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(source.slice(i))!;
      tokens.push({ kind: 'id', text: m[0] });
      i += m[0].length;
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i));
      if (!op) throw new Error(`IML: unexpected "${c}" in ${source}`);
      // "`==` (same as `=` or `===`), `!=` (same as `!==`)": one spelling each from here on.
      const text = op === '=' || op === '===' ? '==' : op === '!==' ? '!=' : op;
      tokens.push({ kind: 'op', text });
      i += op.length;
    }
  }
  tokens.push({ kind: 'end', text: '' });
  return tokens;
}

const PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

export function parseExpression(source: string): Expr {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos]!;
  const next = () => tokens[pos++]!;
  const expect = (text: string) => {
    const t = next();
    if (t.text !== text || t.kind === 'str') throw new Error(`IML: expected "${text}" in ${source}`);
  };

  function binary(minPrecedence: number): Expr {
    let left = unary();
    for (;;) {
      const t = peek();
      const precedence = t.kind === 'op' ? PRECEDENCE[t.text] : undefined;
      if (precedence === undefined || precedence < minPrecedence) return left;
      next();
      left = { type: 'binary', op: t.text, left, right: binary(precedence + 1) };
    }
  }

  function unary(): Expr {
    const t = peek();
    if (t.kind === 'op' && (t.text === '!' || t.text === '-')) {
      next();
      return { type: 'unary', op: t.text, operand: unary() };
    }
    return postfix(primary());
  }

  function postfix(expr: Expr): Expr {
    for (;;) {
      const t = peek();
      if (t.kind === 'op' && t.text === '.') {
        next();
        const name = next();
        if (name.kind !== 'id' && name.kind !== 'num')
          throw new Error(`IML: bad property after "." in ${source}`);
        expr = { type: 'member', object: expr, property: name.text };
      } else if (t.kind === 'op' && t.text === '[') {
        next();
        const index = binary(1);
        expect(']');
        expr = { type: 'index', object: expr, index };
      } else {
        return expr;
      }
    }
  }

  function primary(): Expr {
    const t = next();
    if (t.kind === 'num' || t.kind === 'str') return { type: 'literal', value: t.value };
    if (t.kind === 'op' && t.text === '(') {
      const inner = binary(1);
      expect(')');
      return inner;
    }
    if (t.kind === 'id') {
      if (peek().kind === 'op' && peek().text === '(') {
        next();
        const args: Expr[] = [];
        if (!(peek().kind === 'op' && peek().text === ')')) {
          for (;;) {
            args.push(binary(1));
            if (peek().kind === 'op' && peek().text === ',') next();
            else break;
          }
        }
        expect(')');
        return { type: 'call', name: t.text, args };
      }
      if (t.text === 'true') return { type: 'literal', value: true };
      if (t.text === 'false') return { type: 'literal', value: false };
      if (t.text === 'null') return { type: 'literal', value: null };
      if (t.text === 'undefined') return { type: 'literal', value: undefined };
      return { type: 'name', name: t.text };
    }
    throw new Error(`IML: unexpected "${t.text}" in ${source}`);
  }

  const expr = binary(1);
  if (peek().kind !== 'end') throw new Error(`IML: trailing "${peek().text}" in ${source}`);
  return expr;
}
