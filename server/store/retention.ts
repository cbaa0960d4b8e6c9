/**
 * Retention keeps a long-running store from filling the disk: profiles older
 * than `maxAgeMs` go, and while the database uses more than `maxBytes`, the
 * oldest profiles go. Age counts from when the store received a profile, so a
 * back-filled old profile is kept for the full period rather than dropped at
 * once. Deletes run in small transactions (each all-or-nothing) so ingest is
 * not blocked for long, and freed pages are handed back to the file system.
 */
import type { Db } from './db.ts';

export interface RetentionPolicy {
  /** 0 = no age limit */
  maxAgeMs: number;
  /** 0 = no size limit */
  maxBytes: number;
}

export interface RetentionResult {
  deletedProfiles: number;
  usedBytes: number;
}

const DELETE_CHUNK = 500;

export class Retention {
  private readonly deleteChunk: (ids: number[]) => void;

  constructor(
    private readonly db: Db,
    private readonly policy: RetentionPolicy,
  ) {
    const deleteValues = db.prepare('DELETE FROM profile_values WHERE profile_id = ?');
    const deleteProfile = db.prepare('DELETE FROM profiles WHERE id = ?');
    this.deleteChunk = db.transaction((ids: number[]) => {
      for (const id of ids) {
        deleteValues.run(id);
        deleteProfile.run(id);
      }
    });
  }

  /** Bytes of the database in use (pages that hold data, not free pages). */
  usedBytes(): number {
    const pageSize = this.db.pragma('page_size', { simple: true }) as number;
    const pages = this.db.pragma('page_count', { simple: true }) as number;
    const free = this.db.pragma('freelist_count', { simple: true }) as number;
    return (pages - free) * pageSize;
  }

  private oldestIds(limit: number, receivedBefore?: number): number[] {
    const sql =
      receivedBefore === undefined
        ? 'SELECT id FROM profiles ORDER BY received_ms, id LIMIT ?'
        : 'SELECT id FROM profiles WHERE received_ms < ? ORDER BY received_ms, id LIMIT ?';
    const stmt = this.db.prepare(sql).pluck();
    return (receivedBefore === undefined ? stmt.all(limit) : stmt.all(receivedBefore, limit)) as number[];
  }

  /** One pass; yields to the event loop between chunks. */
  async run(now = Date.now()): Promise<RetentionResult> {
    let deleted = 0;
    if (this.policy.maxAgeMs > 0) {
      const cutoff = now - this.policy.maxAgeMs;
      for (let ids = this.oldestIds(DELETE_CHUNK, cutoff); ids.length > 0; ids = this.oldestIds(DELETE_CHUNK, cutoff)) {
        this.deleteChunk(ids);
        deleted += ids.length;
        await yieldToEventLoop();
      }
    }
    if (this.policy.maxBytes > 0) {
      for (let used = this.usedBytes(); used > this.policy.maxBytes; used = this.usedBytes()) {
        // As many of the oldest as the excess amounts to, at the average profile size.
        const count = this.countProfiles();
        const perProfile = used / Math.max(1, count);
        const ids = this.oldestIds(Math.min(DELETE_CHUNK, Math.max(1, Math.ceil((used - this.policy.maxBytes) / perProfile))));
        if (ids.length === 0) break;
        this.deleteChunk(ids);
        deleted += ids.length;
        await yieldToEventLoop();
      }
    }
    if (deleted > 0) this.compact();
    return { deletedProfiles: deleted, usedBytes: this.usedBytes() };
  }

  private countProfiles(): number {
    return this.db.prepare('SELECT count(*) FROM profiles').pluck().get() as number;
  }

  /** Rebuilds the span table from what is left, gives free pages back, trims the WAL. */
  private compact(): void {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM series_type_span');
      this.db.exec(
        `INSERT INTO series_type_span (series_id, type_id, min_ts, max_ts)
         SELECT series_id, type_id, min(ts_ms), max(ts_ms) FROM profile_values GROUP BY type_id, series_id`,
      );
    })();
    this.db.pragma('incremental_vacuum');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
