/** Command-line flags -> ServerConfig. Pure, so it is unit-tested without starting anything. */
import { parseArgs } from 'node:util';
import { DEFAULT_CONFIG, type ServerConfig } from './config.ts';

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: npm start -- [options]

  --port N                 port to listen on (default 4040; 0 picks a free one)
  --host ADDR              address to bind (default 127.0.0.1, loopback only)
  --data DIR               where the store keeps its SQLite files (default .data)
  --no-self-profile        do not profile the server itself
  --self-profile-interval D  how often the server stores its own profiles (default 10s)
  --no-build               serve dist/ as it is, without building the app first
  --cors-origin ORIGIN     let a browser app served from ORIGIN call the API (repeatable; * = any)
  --retention-age D        drop profiles received longer ago than D (default 7d; 0 = keep)
  --retention-size SIZE    drop the oldest profiles while the store uses more than SIZE (default 1GiB; 0 = no limit)
  --max-body-size SIZE     largest upload body accepted (default 16MiB)
  --max-profile-size SIZE  largest profile after decompression (default 128MiB)
  --max-db-size SIZE       hard cap on the database file; uploads past it get 507 (default none)
  --help                   show this text

Durations: 500ms, 30s, 15m, 12h, 7d. Sizes: 512KiB, 64MiB, 2GiB (or KB/MB/GB, decimal).`;

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const SIZE_UNITS: Record<string, number> = {
  '': 1, b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, k: 1024, m: 1024 ** 2, g: 1024 ** 3,
};

export function parseDuration(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!match) throw new UsageError(`${flag}: expected a duration like 30s, 15m or 7d, got ${JSON.stringify(text)}`);
  return Math.round(Number(match[1]) * DURATION_UNITS[match[2] ?? 's']);
}

export function parseSize(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = SIZE_UNITS[(match?.[2] ?? '').toLowerCase()];
  if (!match || unit === undefined) throw new UsageError(`${flag}: expected a size like 64MiB or 2GB, got ${JSON.stringify(text)}`);
  return Math.round(Number(match[1]) * unit);
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: expected 0-65535, got ${JSON.stringify(text)}`);
  return port;
}

export type CliResult = { help: true } | { help: false; config: ServerConfig };

export function parseCli(argv: string[], defaults: ServerConfig = DEFAULT_CONFIG): CliResult {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        'no-self-profile': { type: 'boolean' },
        'self-profile-interval': { type: 'string' },
        'no-build': { type: 'boolean' },
        'cors-origin': { type: 'string', multiple: true },
        'retention-age': { type: 'string' },
        'retention-size': { type: 'string' },
        'max-body-size': { type: 'string' },
        'max-profile-size': { type: 'string' },
        'max-db-size': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return { help: true };
  const config: ServerConfig = structuredClone(defaults);
  if (values.port !== undefined) config.port = parsePort(values.port);
  if (values.host !== undefined) config.host = values.host;
  if (values.data !== undefined) config.dataDir = values.data;
  if (values['no-self-profile']) config.selfProfile = false;
  if (values['self-profile-interval'] !== undefined) {
    config.selfProfileIntervalMs = Math.max(1000, parseDuration(values['self-profile-interval'], '--self-profile-interval'));
  }
  if (values['no-build']) config.buildApp = false;
  if (values['cors-origin']) config.corsOrigins = values['cors-origin'];
  if (values['retention-age'] !== undefined) config.retention.maxAgeMs = parseDuration(values['retention-age'], '--retention-age');
  if (values['retention-size'] !== undefined) config.retention.maxBytes = parseSize(values['retention-size'], '--retention-size');
  if (values['max-body-size'] !== undefined) config.limits.maxBodyBytes = parseSize(values['max-body-size'], '--max-body-size');
  if (values['max-profile-size'] !== undefined) config.limits.maxProfileBytes = parseSize(values['max-profile-size'], '--max-profile-size');
  if (values['max-db-size'] !== undefined) config.limits.maxDatabaseBytes = parseSize(values['max-db-size'], '--max-db-size');
  return { help: false, config };
}
