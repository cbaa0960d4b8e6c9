/**
 * The profile store: writes uploads, reads what the querier needs.
 *
 * Writes are group-committed: uploads that arrive while the event loop is busy
 * wait for the next tick and go into one transaction, so many concurrent
 * clients share one fsync. Each caller's promise settles only after COMMIT
 * returns, which is what lets the HTTP layer answer 2xx = durable. A failed
 * transaction writes nothing, for every upload in it.
 */
import type { ProfileTypeParts } from '../ingest/profile-type.ts';
import { ApiError } from '../errors.ts';
import type { Db } from './db.ts';

export type Labels = ReadonlyArray<readonly [string, string]>;

export interface ProfileToStore {
  /** series labels: __name__, service_name, tags */
  labels: Record<string, string>;
  tsMs: number;
  /** gzipped pprof bytes */
  pprofGzip: Buffer;
  types: { parts: ProfileTypeParts; sampleIndex: number; total: number }[];
}

export interface StoredType extends ProfileTypeParts {
  rowId: number;
}

export interface SeriesTypePair {
  seriesId: number;
  labels: Labels;
  type: StoredType;
}

/** Series and type ids created by a transaction, cached once it has committed. */
interface NewIds {
  series: Map<string, number>;
  types: Map<string, StoredType>;
}

interface PendingWrite {
  profiles: ProfileToStore[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function canonicalLabels(labels: Record<string, string>): Labels {
  return Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Turns SQLite's environmental failures into errors a client can read. */
export function storageError(error: unknown): ApiError {
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message;
  if (code === 'SQLITE_FULL') return new ApiError('resource_exhausted', `the store is full, nothing was written: ${message}`, 507);
  if (code.startsWith('SQLITE_READONLY')) return new ApiError('unavailable', `the store became read-only, nothing was written: ${message}`);
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_BUSY') {
    return new ApiError('unavailable', `the store could not write (${code}), nothing was written: ${message}`);
  }
  return new ApiError('internal', `storing the profile failed, nothing was written: ${message}`);
}

export class ProfileStore {
  private pending: PendingWrite[] = [];
  private flushScheduled = false;
  private readonly seriesIds = new Map<string, number>();
  private readonly seriesLabels = new Map<number, Labels>();
  private readonly typeRows = new Map<string, StoredType>();
  private readonly insertBatch: (profiles: ProfileToStore[]) => NewIds;

  constructor(private readonly db: Db) {
    const insertSeries = db.prepare('INSERT OR IGNORE INTO series (labels) VALUES (?)');
    const selectSeries = db.prepare('SELECT id FROM series WHERE labels = ?').pluck();
    const insertType = db.prepare(
      `INSERT OR IGNORE INTO profile_types (type_id, name, sample_type, sample_unit, period_type, period_unit)
       VALUES (@id, @name, @sampleType, @sampleUnit, @periodType, @periodUnit)`,
    );
    const selectType = db.prepare('SELECT id FROM profile_types WHERE type_id = ?').pluck();
    const insertProfile = db.prepare(
      'INSERT INTO profiles (series_id, ts_ms, received_ms, stored_bytes, pprof) VALUES (?, ?, ?, ?, ?)',
    );
    const insertValue = db.prepare(
      'INSERT INTO profile_values (type_id, series_id, ts_ms, profile_id, sample_index, total) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const upsertSpan = db.prepare(
      `INSERT INTO series_type_span (series_id, type_id, min_ts, max_ts) VALUES (?, ?, ?, ?)
       ON CONFLICT (series_id, type_id) DO UPDATE SET
         min_ts = min(min_ts, excluded.min_ts), max_ts = max(max_ts, excluded.max_ts)`,
    );
    // Ids are looked up inside the transaction and cached only after it commits,
    // so a rolled-back batch cannot leave ids in the cache that SQLite reuses.
    this.insertBatch = db.transaction((profiles: ProfileToStore[]): NewIds => {
      const now = Date.now();
      const fresh: NewIds = { series: new Map(), types: new Map() };
      for (const profile of profiles) {
        const labelsJson = JSON.stringify(canonicalLabels(profile.labels));
        let seriesId = this.seriesIds.get(labelsJson) ?? fresh.series.get(labelsJson);
        if (seriesId === undefined) {
          insertSeries.run(labelsJson);
          seriesId = selectSeries.get(labelsJson) as number;
          fresh.series.set(labelsJson, seriesId);
        }
        const info = insertProfile.run(seriesId, profile.tsMs, now, profile.pprofGzip.length, profile.pprofGzip);
        for (const t of profile.types) {
          let typeRow = (this.typeRows.get(t.parts.id) ?? fresh.types.get(t.parts.id))?.rowId;
          if (typeRow === undefined) {
            insertType.run(t.parts);
            typeRow = selectType.get(t.parts.id) as number;
            fresh.types.set(t.parts.id, { ...t.parts, rowId: typeRow });
          }
          insertValue.run(typeRow, seriesId, profile.tsMs, info.lastInsertRowid, t.sampleIndex, Math.round(t.total));
          upsertSpan.run(seriesId, typeRow, profile.tsMs, profile.tsMs);
        }
      }
      return fresh;
    });
    this.loadCaches();
  }

  /** Stores the profiles of one request, all or none; resolves once committed. */
  write(profiles: ProfileToStore[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ profiles, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    const profiles = batch.flatMap((w) => w.profiles);
    let fresh: NewIds;
    try {
      fresh = this.insertBatch(profiles);
    } catch (error) {
      const apiError = storageError(error);
      for (const w of batch) w.reject(apiError);
      return;
    }
    for (const [json, id] of fresh.series) this.cacheSeries(id, json);
    for (const [id, type] of fresh.types) this.typeRows.set(id, type);
    for (const w of batch) w.resolve();
  }

  private cacheSeries(id: number, labelsJson: string): void {
    this.seriesIds.set(labelsJson, id);
    this.seriesLabels.set(id, JSON.parse(labelsJson) as Labels);
  }

  private loadCaches(): void {
    const series = this.db.prepare('SELECT id, labels FROM series').all() as { id: number; labels: string }[];
    for (const s of series) this.cacheSeries(s.id, s.labels);
    const types = this.db
      .prepare(
        `SELECT id AS rowId, type_id AS id, name, sample_type AS sampleType, sample_unit AS sampleUnit,
                period_type AS periodType, period_unit AS periodUnit FROM profile_types`,
      )
      .all() as StoredType[];
    for (const t of types) this.typeRows.set(t.id, t);
  }

  typeByID(typeId: string): StoredType | undefined {
    return this.typeRows.get(typeId);
  }

  /**
   * Every (series, profile type) pair with data overlapping [start, end];
   * start = end = 0 means all time. Optionally for one type only.
   */
  seriesTypePairs(start: number, end: number, type?: StoredType): SeriesTypePair[] {
    const allTime = start === 0 && end === 0;
    const rows = this.db
      .prepare(
        `SELECT series_id AS seriesId, type_id AS typeRow FROM series_type_span
         WHERE (@allTime OR (max_ts >= @start AND min_ts <= @end)) AND (@typeRow IS NULL OR type_id = @typeRow)`,
      )
      .all({ allTime: allTime ? 1 : 0, start, end, typeRow: type?.rowId ?? null }) as {
      seriesId: number;
      typeRow: number;
    }[];
    const typesByRow = new Map([...this.typeRows.values()].map((t) => [t.rowId, t]));
    return rows.map((r) => ({
      seriesId: r.seriesId,
      labels: this.seriesLabels.get(r.seriesId) ?? [],
      type: typesByRow.get(r.typeRow)!,
    }));
  }

  /** Per-profile totals of one type for the given series in [start, end]. */
  totals(type: StoredType, seriesIds: readonly number[], start: number, end: number): { seriesId: number; ts: number; total: number }[] {
    const stmt = this.db.prepare(
      `SELECT series_id AS seriesId, ts_ms AS ts, total FROM profile_values
       WHERE type_id = ? AND series_id = ? AND ts_ms BETWEEN ? AND ?`,
    );
    return seriesIds.flatMap((id) => stmt.all(type.rowId, id, start, end) as { seriesId: number; ts: number; total: number }[]);
  }

  /** The stored (gzipped) pprof of every profile of one type for the given series in [start, end]. */
  *pprofs(type: StoredType, seriesIds: readonly number[], start: number, end: number): Generator<{ sampleIndex: number; pprof: Buffer }> {
    const stmt = this.db.prepare(
      `SELECT v.sample_index AS sampleIndex, p.pprof AS pprof FROM profile_values v JOIN profiles p ON p.id = v.profile_id
       WHERE v.type_id = ? AND v.series_id = ? AND v.ts_ms BETWEEN ? AND ? ORDER BY v.ts_ms`,
    );
    for (const id of seriesIds) {
      for (const row of stmt.all(type.rowId, id, start, end) as { sampleIndex: number; pprof: Buffer }[]) yield row;
    }
  }

  countProfiles(): number {
    return this.db.prepare('SELECT count(*) FROM profiles').pluck().get() as number;
  }
}
