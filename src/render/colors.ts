/**
 * Stable colors per package or module, so the same code has the same color in every
 * profile and every session: the color is a hash of the package name into the palette.
 */
import { basename } from '../profile/frames.ts';

const JAVA_ROOTS = new Set(['com', 'org', 'net', 'io', 'java', 'javax', 'jdk', 'sun', 'kotlin', 'scala']);

/** The package, namespace or module a frame belongs to, for coloring. */
export function packageOf(name: string, file: string): string {
  if (name.startsWith('(') || name.startsWith('[') || name.startsWith('<')) {
    // `(garbage collector)`, `[libc.so.6]`, `<unknown>`: runtime pseudo-frames and mappings.
    return name;
  }
  const cpp = name.indexOf('::');
  if (cpp > 0) return name.slice(0, cpp);
  const slash = name.lastIndexOf('/');
  if (slash >= 0) {
    // Go: import path up to the first dot after the last slash.
    const dot = name.indexOf('.', slash);
    return dot > 0 ? name.slice(0, dot) : name;
  }
  const parts = name.split('.');
  if (parts.length > 1) {
    if (JAVA_ROOTS.has(parts[0]) && parts.length > 3) return parts.slice(0, 3).join('.');
    return parts[0];
  }
  // JavaScript and others: the source file is the module.
  return file ? basename(file) : name;
}

/** FNV-1a: cheap, stable across sessions and platforms. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Palette index for every frame of a frame table, computed once per tree. */
export function framePaletteIndices(names: readonly string[], files: readonly string[], paletteSize: number): Uint8Array {
  const out = new Uint8Array(names.length);
  const byPackage = new Map<string, number>();
  for (let f = 0; f < names.length; f++) {
    const pkg = packageOf(names[f], files[f]);
    let index = byPackage.get(pkg);
    if (index === undefined) {
      index = stableHash(pkg) % paletteSize;
      byPackage.set(pkg, index);
    }
    out[f] = index;
  }
  return out;
}
