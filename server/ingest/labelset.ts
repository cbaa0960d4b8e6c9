/**
 * Parses the `name` query parameter of Pyroscope's /ingest: `app{k=v,k2=v2}`.
 * The app name becomes `service_name`; the tags become labels. Character rules
 * follow Pyroscope's labelset validation (service names may also contain - . /).
 */

export class LabelSetError extends Error {
  override name = 'LabelSetError';
}

export interface ParsedAppName {
  serviceName: string;
  labels: Record<string, string>;
}

const LABEL_NAME = /^[a-zA-Z0-9_.]+$/;
const SERVICE_NAME = /^[a-zA-Z0-9_.\-/]+$/;

export function isValidLabelName(name: string): boolean {
  return LABEL_NAME.test(name) && !/^[0-9]/.test(name);
}

export function parseAppName(raw: string): ParsedAppName {
  const open = raw.indexOf('{');
  const serviceName = (open === -1 ? raw : raw.slice(0, open)).trim();
  if (serviceName === '') throw new LabelSetError('name: the application name is required, as name=app{k=v,...}');
  if (!SERVICE_NAME.test(serviceName)) {
    throw new LabelSetError(`name: application name ${JSON.stringify(serviceName)} may only contain letters, digits and _ . - /`);
  }
  const labels: Record<string, string> = {};
  if (open === -1) return { serviceName, labels };
  const close = raw.lastIndexOf('}');
  if (close < open || raw.slice(close + 1).trim() !== '') {
    throw new LabelSetError('name: the tag list must end with } and nothing after it');
  }
  const body = raw.slice(open + 1, close).trim();
  if (body === '') return { serviceName, labels };
  for (const pair of body.split(',')) {
    const eq = pair.indexOf('=');
    if (eq === -1) throw new LabelSetError(`name: tag ${JSON.stringify(pair.trim())} has no =`);
    const key = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (!isValidLabelName(key)) throw new LabelSetError(`name: invalid tag name ${JSON.stringify(key)}`);
    // Names starting with __ are reserved for the store (as in Pyroscope); empty values mean "no label".
    if (key.startsWith('__') || value === '') continue;
    labels[key] = value;
  }
  return { serviceName, labels };
}
