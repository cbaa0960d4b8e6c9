/**
 * Label selectors as Pyroscope (and Prometheus) write them:
 * `{service_name="checkout", env!="dev", pod=~"api-.*", region!~"eu-.*"}`.
 * A label a series does not have counts as the empty string, so `{env=""}`
 * selects series without `env`. Regular expressions are anchored at both ends.
 */

export class SelectorError extends Error {
  override name = 'SelectorError';
}

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  name: string;
  op: MatchOp;
  value: string;
  /** present for =~ and !~ */
  regex?: RegExp;
}

export type LabelLookup = (name: string) => string | undefined;

export function matcherMatches(m: Matcher, actual: string): boolean {
  switch (m.op) {
    case '=':
      return actual === m.value;
    case '!=':
      return actual !== m.value;
    case '=~':
      return m.regex!.test(actual);
    case '!~':
      return !m.regex!.test(actual);
  }
}

/** True when every matcher holds for the labels. */
export function selectorMatches(matchers: readonly Matcher[], lookup: LabelLookup): boolean {
  return matchers.every((m) => matcherMatches(m, lookup(m.name) ?? ''));
}

/** Go RE2 spells case-insensitivity as a leading (?i); JavaScript wants a flag. */
export function compileAnchoredRegex(source: string): RegExp {
  let flags = 's';
  let body = source;
  if (body.startsWith('(?i)')) {
    flags += 'i';
    body = body.slice(4);
  }
  return new RegExp(`^(?:${body})$`, flags);
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", '`': '`', a: '\x07', b: '\b', f: '\f', v: '\v' };

class Cursor {
  pos = 0;
  constructor(readonly text: string) {}

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  peek(): string {
    return this.text[this.pos] ?? '';
  }

  fail(expected: string): never {
    const found = this.pos < this.text.length ? JSON.stringify(this.text[this.pos]) : 'the end';
    throw new SelectorError(`bad label selector ${JSON.stringify(this.text)}: at character ${this.pos + 1}, expected ${expected}, found ${found}`);
  }

  expect(ch: string): void {
    this.skipSpace();
    if (this.peek() !== ch) this.fail(JSON.stringify(ch));
    this.pos++;
  }

  labelName(): string {
    this.skipSpace();
    const match = /^[a-zA-Z_][a-zA-Z0-9_.]*/.exec(this.text.slice(this.pos));
    if (!match) this.fail('a label name');
    this.pos += match[0].length;
    return match[0];
  }

  op(): MatchOp {
    this.skipSpace();
    const two = this.text.slice(this.pos, this.pos + 2);
    if (two === '!=' || two === '=~' || two === '!~') {
      this.pos += 2;
      return two;
    }
    if (this.peek() === '=') {
      this.pos++;
      return '=';
    }
    return this.fail('"=", "!=", "=~" or "!~"');
  }

  quoted(): string {
    this.skipSpace();
    const quote = this.peek();
    if (quote !== '"' && quote !== "'" && quote !== '`') this.fail('a quoted value');
    this.pos++;
    let out = '';
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos++];
      if (ch === quote) return out;
      if (ch !== '\\' || quote === '`') {
        out += ch;
        continue;
      }
      out += this.escape();
    }
    return this.fail(`a closing ${quote}`);
  }

  private escape(): string {
    const ch = this.text[this.pos++] ?? '';
    if (ch in ESCAPES) return ESCAPES[ch];
    const hexLength = ch === 'x' ? 2 : ch === 'u' ? 4 : ch === 'U' ? 8 : 0;
    if (hexLength > 0) {
      const hex = this.text.slice(this.pos, this.pos + hexLength);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(hex)) this.fail(`${hexLength} hex digits after \\${ch}`);
      this.pos += hexLength;
      return String.fromCodePoint(parseInt(hex, 16));
    }
    this.pos--;
    return this.fail('a valid escape sequence');
  }
}

/** Parses `{...}`. The empty string is accepted as `{}` (select everything). */
export function parseSelector(text: string): Matcher[] {
  if (text.trim() === '') return [];
  const c = new Cursor(text);
  c.expect('{');
  const matchers: Matcher[] = [];
  c.skipSpace();
  while (c.peek() !== '}') {
    const name = c.labelName();
    const op = c.op();
    const value = c.quoted();
    const matcher: Matcher = { name, op, value };
    if (op === '=~' || op === '!~') {
      try {
        matcher.regex = compileAnchoredRegex(value);
      } catch (error) {
        throw new SelectorError(`bad label selector ${JSON.stringify(text)}: invalid regular expression for ${name}: ${(error as Error).message}`);
      }
    }
    matchers.push(matcher);
    c.skipSpace();
    if (c.peek() === ',') {
      c.pos++;
      c.skipSpace();
    } else if (c.peek() !== '}') {
      c.fail('"," or "}"');
    }
  }
  c.pos++;
  c.skipSpace();
  if (c.pos < text.length) c.fail('nothing after "}"');
  return matchers;
}
