/**
 * The `query` of a permalink: `<profileTypeID>{<label selector>}`, Pyroscope's own
 * notation, e.g. `process_cpu:cpu:nanoseconds:cpu:nanoseconds{service_name="checkout"}`.
 */
export interface ParsedQuery {
  profileTypeId: string;
  /** with braces, e.g. `{service_name="checkout"}`; `{}` when empty */
  labelSelector: string;
}

export function parseQuery(query: string): ParsedQuery | null {
  const match = /^([^{}\s]+)\s*(\{.*\})?$/s.exec(query.trim());
  if (!match) return null;
  return { profileTypeId: match[1], labelSelector: match[2] ?? '{}' };
}

export function buildQuery(profileTypeId: string, labelSelector: string): string {
  const selector = labelSelector.trim() || '{}';
  return `${profileTypeId}${selector}`;
}

/** Quotes a label value for a selector (backslashes and quotes escaped). */
export function quoteLabelValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The value of an `=` matcher for `name` in a selector, if there is one. */
export function equalityMatcher(labelSelector: string, name: string): string | null {
  const re = new RegExp(`(?:^|[{,\\s])${name}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`);
  const match = re.exec(labelSelector);
  return match ? match[1].replace(/\\(.)/g, '$1') : null;
}

/** The selector with `name="value"` set (replacing an existing `=` matcher for it), or removed when value is null. */
export function withEqualityMatcher(labelSelector: string, name: string, value: string | null): string {
  const inner = labelSelector.trim().replace(/^\{|\}$/g, '');
  const parts = splitMatchers(inner).filter((m) => !new RegExp(`^${name}\\s*=\\s*"`).test(m));
  if (value !== null) parts.unshift(`${name}=${quoteLabelValue(value)}`);
  return `{${parts.join(', ')}}`;
}

/** Splits `a="x", b=~"y,z"` into matchers, respecting commas inside quotes. */
export function splitMatchers(inner: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '\\' && quoted) {
      current += ch + (inner[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      if (current.trim()) out.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** A readable name for a profile type ID: `process_cpu:cpu:nanoseconds:...` -> `process_cpu · cpu`. */
export function describeProfileType(id: string): string {
  const [name, sampleType] = id.split(':');
  return sampleType && sampleType !== name ? `${name} · ${sampleType}` : (name ?? id);
}

/** Seconds per timeline point: about `points` points across the range, never under `minStepS`. */
export function seriesStep(rangeMs: number, points = 240, minStepS = 1): number {
  const raw = rangeMs / 1000 / points;
  const nice = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400];
  return Math.max(minStepS, nice.find((s) => s >= raw) ?? Math.ceil(raw));
}
