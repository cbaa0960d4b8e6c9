/** Everything the server can be told, with the defaults `npm start` uses. */

export interface ServerConfig {
  host: string;
  /** 0 picks a free port (tests) */
  port: number;
  dataDir: string;
  /** the built app; served with SPA fallback */
  distDir: string;
  selfProfile: boolean;
  selfProfileIntervalMs: number;
  /** build dist/ when missing or older than the sources */
  buildApp: boolean;
  /** origins allowed to call the API from a browser ('*' = any); empty = same origin only */
  corsOrigins: string[];
  limits: {
    /** an upload's body as sent (gzipped) */
    maxBodyBytes: number;
    /** a profile after gunzip (gzip-bomb guard) */
    maxProfileBytes: number;
    /** a query request's body */
    maxQueryBodyBytes: number;
    /** profiles one SelectMergeProfile may merge */
    maxMergeProfiles: number;
    /** hard cap on the database file (0 = none); past it uploads get 507 */
    maxDatabaseBytes: number;
  };
  retention: {
    maxAgeMs: number;
    maxBytes: number;
    intervalMs: number;
  };
}

export const DAY_MS = 86_400_000;
const MiB = 1 << 20;

export const DEFAULT_CONFIG: ServerConfig = {
  host: '127.0.0.1',
  port: 4040,
  dataDir: '.data',
  distDir: 'dist',
  selfProfile: true,
  selfProfileIntervalMs: 10_000,
  buildApp: true,
  corsOrigins: [],
  limits: {
    maxBodyBytes: 16 * MiB,
    maxProfileBytes: 128 * MiB,
    maxQueryBodyBytes: 1 * MiB,
    maxMergeProfiles: 20_000,
    maxDatabaseBytes: 0,
  },
  retention: {
    maxAgeMs: 7 * DAY_MS,
    maxBytes: 1024 * MiB,
    intervalMs: 60_000,
  },
};
