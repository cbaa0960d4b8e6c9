/**
 * Opens the SQLite store and makes sure it is usable before the server says it
 * is up: the data directory exists and is writable, the schema is in place, and
 * a write goes through. Anything else stops startup with a sentence a person
 * can act on, instead of a 5xx on the first upload.
 *
 * Durability: WAL journal with synchronous=FULL. In WAL mode FULL fsyncs the
 * log at every commit, so a profile acknowledged with 2xx survives not only a
 * killed process (NORMAL would already give that) but an OS crash or power
 * loss too. The cost is one fsync per commit; the writer groups concurrent
 * uploads into one transaction, so that cost is shared (see profile-store.ts).
 */
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

export class StartupError extends Error {
  override name = 'StartupError';
}

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- A series is one label set: __name__, service_name, and the uploader's tags.
CREATE TABLE IF NOT EXISTS series (
  id INTEGER PRIMARY KEY,
  labels TEXT NOT NULL UNIQUE -- JSON [[name, value], ...] sorted by name
);

CREATE TABLE IF NOT EXISTS profile_types (
  id INTEGER PRIMARY KEY,
  type_id TEXT NOT NULL UNIQUE, -- name:sample_type:sample_unit:period_type:period_unit
  name TEXT NOT NULL,
  sample_type TEXT NOT NULL,
  sample_unit TEXT NOT NULL,
  period_type TEXT NOT NULL,
  period_unit TEXT NOT NULL
);

-- One row per uploaded pprof, kept gzipped as it came (or gzipped here if it came raw).
CREATE TABLE IF NOT EXISTS profiles (
  id INTEGER PRIMARY KEY,
  series_id INTEGER NOT NULL REFERENCES series(id),
  ts_ms INTEGER NOT NULL,
  received_ms INTEGER NOT NULL,
  stored_bytes INTEGER NOT NULL,
  pprof BLOB NOT NULL -- last, so scans of the other columns skip the blob's overflow pages
);
CREATE INDEX IF NOT EXISTS profiles_by_received ON profiles(received_ms);

-- One row per (profile, sample type): the total SelectSeries sums, and where
-- SelectMergeProfile finds the profiles to merge. Clustered for range scans.
CREATE TABLE IF NOT EXISTS profile_values (
  type_id INTEGER NOT NULL REFERENCES profile_types(id),
  series_id INTEGER NOT NULL,
  ts_ms INTEGER NOT NULL,
  profile_id INTEGER NOT NULL REFERENCES profiles(id),
  sample_index INTEGER NOT NULL,
  total INTEGER NOT NULL,
  PRIMARY KEY (type_id, series_id, ts_ms, profile_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS profile_values_by_profile ON profile_values(profile_id);

-- The time span each (series, profile type) has data for: label and type
-- listings read this instead of scanning profile_values.
CREATE TABLE IF NOT EXISTS series_type_span (
  series_id INTEGER NOT NULL,
  type_id INTEGER NOT NULL,
  min_ts INTEGER NOT NULL,
  max_ts INTEGER NOT NULL,
  PRIMARY KEY (series_id, type_id)
) WITHOUT ROWID;
`;

/** mkdir -p, one level at a time: Node's recursive mkdir can spin forever on pseudo file systems like /proc. */
function ensureDirectory(path: string): void {
  if (existsSync(path)) return;
  const parent = dirname(path);
  if (parent !== path) ensureDirectory(parent);
  mkdirSync(path);
}

function prepareDirectory(dataDir: string): void {
  try {
    ensureDirectory(resolve(dataDir));
  } catch (error) {
    throw new StartupError(`cannot create the data directory ${dataDir}: ${(error as Error).message}`);
  }
  if (!statSync(dataDir).isDirectory()) throw new StartupError(`the data path ${dataDir} is not a directory`);
}

function isReadOnlyDirectory(dataDir: string): boolean {
  try {
    // access(2) reports EROFS even for root, who bypasses permission bits.
    accessSync(dataDir, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

function describeSqliteFailure(dataDir: string, error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message;
  if (isReadOnlyDirectory(dataDir)) {
    return `the data directory ${dataDir} is read-only (${message}); pass --data with a writable directory`;
  }
  if (code.startsWith('SQLITE_READONLY') || /read-?only/i.test(message)) {
    return `the data directory ${dataDir} is read-only (${message}); pass --data with a writable directory`;
  }
  if (code === 'SQLITE_FULL' || /full/i.test(message)) {
    return `the disk holding ${dataDir} is full (${message}); free space or pass --data elsewhere`;
  }
  if (code.startsWith('SQLITE_CANTOPEN')) return `cannot open the store in ${dataDir} (${message})`;
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return `the store in ${dataDir} is damaged or not a Flamelens store (${message})`;
  }
  return `cannot use the store in ${dataDir}: ${message}`;
}

export interface OpenOptions {
  /** Hard cap on the database file; SQLite answers SQLITE_FULL past it. */
  maxDatabaseBytes?: number;
}

export function openDatabase(dataDir: string, options: OpenOptions = {}): Db {
  prepareDirectory(dataDir);
  let db: Db | undefined;
  try {
    db = new Database(join(dataDir, 'flamelens.db'));
    // auto_vacuum must be chosen before the first table exists; it lets retention give space back.
    db.pragma('auto_vacuum = INCREMENTAL');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    if (options.maxDatabaseBytes) {
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      db.pragma(`max_page_count = ${Math.max(16, Math.floor(options.maxDatabaseBytes / pageSize))}`);
    }
    db.exec(SCHEMA);
    const version = db.prepare(`SELECT value FROM meta WHERE key = 'schema_version'`).pluck().get() as string | undefined;
    if (version !== undefined && Number(version) > SCHEMA_VERSION) {
      throw new StartupError(`the store in ${dataDir} was written by a newer Flamelens (schema ${version})`);
    }
    // A write probe: a read-only directory or a full disk shows up now, not on the first upload.
    db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?), ('last_start', ?)`).run(
      String(SCHEMA_VERSION),
      new Date().toISOString(),
    );
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof StartupError) throw error;
    throw new StartupError(describeSqliteFailure(dataDir, error));
  }
}
