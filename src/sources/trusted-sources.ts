/**
 * Backends the user has agreed to query. A permalink can name any backend in `source`;
 * the app talks to one that is not the page's own origin only after the user confirms,
 * so a link cannot make the browser send queries somewhere the user did not choose.
 */
const KEY = 'flamelens.trustedSources';

function read(): string[] {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

export function isSameOrigin(source: string | null, pageOrigin: string): boolean {
  if (source === null) return true;
  try {
    return new URL(source).origin === pageOrigin;
  } catch {
    return false;
  }
}

export function isTrusted(source: string | null, pageOrigin: string): boolean {
  return isSameOrigin(source, pageOrigin) || (source !== null && read().includes(source));
}

export function trust(source: string): void {
  const sources = read().filter((s) => s !== source);
  sources.unshift(source);
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(sources.slice(0, 20)));
  } catch {
    // Storage unavailable: the confirmation will simply be asked again next time.
  }
}
