/**
 * Fitting names into boxes. Labels use a monospace font, so a label's width is its length
 * times one measured character width: fitting is arithmetic, with no measureText per box.
 *
 * Before cutting characters, try shorter forms of the name, as pprof does:
 * `github.com/acme/cart.(*Cart).Total` -> `cart.(*Cart).Total` -> `(*Cart).Total` -> `Total`;
 * C++ loses its parameter list and template arguments first. Only then a middle ellipsis
 * (speedscope's choice: the start and the end of a name say the most).
 */

const ELLIPSIS = '\u2026';

/** Removes every bracketed group (with nesting) of the given pair, e.g. template arguments. */
function stripBracketed(name: string, open: string, close: string): string {
  let depth = 0;
  let out = '';
  for (const ch of name) {
    if (ch === open) depth++;
    else if (ch === close && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

/** Splits on `::`, `.` and `/` outside brackets and parentheses; keeps `(*T)` receivers whole. */
function segments(name: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < name.length; i++) {
    const ch = name[i];
    if (ch === '(' || ch === '[' || ch === '<') depth++;
    else if ((ch === ')' || ch === ']' || ch === '>') && depth > 0) depth--;
    if (depth === 0 && (ch === '.' || ch === '/' || (ch === ':' && name[i + 1] === ':'))) {
      if (current) parts.push(current);
      current = '';
      if (ch === ':') i++;
      continue;
    }
    current += ch;
  }
  if (current) parts.push(current);
  return parts;
}

/** The name and its progressively shorter forms, longest first, without duplicates. */
export function shorterNames(name: string): string[] {
  const out = [name];
  const push = (candidate: string) => {
    const trimmed = candidate.trim();
    if (trimmed && !out.includes(trimmed) && trimmed.length < out[out.length - 1].length) out.push(trimmed);
  };
  let base = name;
  if (name.includes('::')) {
    // C++: drop the parameter list, then template arguments.
    base = stripBracketed(stripBracketed(name, '(', ')'), '<', '>');
    push(base);
  }
  const lastSlash = base.lastIndexOf('/');
  if (lastSlash >= 0 && lastSlash < base.length - 1) {
    base = base.slice(lastSlash + 1);
    push(base);
  }
  const parts = segments(base);
  const separator = base.includes('::') ? '::' : '.';
  for (let k = 1; k < parts.length; k++) push(parts.slice(k).join(separator));
  return out;
}

/** Middle ellipsis to exactly `maxChars` characters. */
export function ellipsizeMiddle(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  if (maxChars <= 1) return maxChars === 1 ? ELLIPSIS : '';
  const keep = maxChars - 1;
  const head = Math.ceil(keep / 2);
  return text.slice(0, head) + ELLIPSIS + text.slice(text.length - (keep - head));
}

/** Fewest characters worth drawing as a cut name: "p…k" says nothing, "proc…ons" a little. */
export const MIN_ELLIPSIZED_CHARS = 6;

/**
 * The best label of at most `maxChars` characters: the longest shorter form that fits,
 * else the shortest form with a middle ellipsis; '' when too little room is left.
 */
export function fitLabel(candidates: readonly string[], maxChars: number): string {
  for (const candidate of candidates) if (candidate.length <= maxChars) return candidate;
  if (maxChars < MIN_ELLIPSIZED_CHARS) return '';
  return ellipsizeMiddle(candidates[candidates.length - 1], maxChars);
}

/** Caches shorter forms per name: computing them is string work best done once. */
export class LabelCache {
  private readonly cache = new Map<string, string[]>();

  candidates(name: string): string[] {
    let found = this.cache.get(name);
    if (!found) {
      found = shorterNames(name);
      this.cache.set(name, found);
    }
    return found;
  }

  fit(name: string, maxChars: number): string {
    if (maxChars >= name.length) return name;
    return fitLabel(this.candidates(name), maxChars);
  }
}
