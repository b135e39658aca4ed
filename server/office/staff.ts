/**
 * Staff of the office API: created by the CLI (`npm run server:staff -- add <name>`), each with a
 * key shown once and kept as its SHA-256. A request's `X-Office-Key` names the staff member the
 * audit log records.
 */
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import { newId, sha256 } from '../secrets.js';

export interface StaffMember {
  id: string;
  name: string;
}

/** A new staff key: 40 characters of base64url. */
export const newStaffKey = () => `rk_${randomBytes(30).toString('base64url')}`;

/** Adds a staff member with a key (a new one unless given); returns the key, which is not kept. */
export async function addStaff(db: Queryable, name: string, key = newStaffKey(), nowMs = Date.now()): Promise<{ member: StaffMember; key: string }> {
  if (!/^[a-z0-9-]{1,40}$/.test(name)) throw new Error('a staff name is 1–40 of a-z, 0-9 and -');
  const id = newId('staff');
  const { rows } = await db.query<StaffMember>(
    'INSERT INTO staff (id, name, key_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id, name',
    [id, name, sha256(key), new Date(nowMs)],
  );
  return { member: rows[0]!, key };
}

/** Adds the staff member, or gives an existing one of that name this key (development staff at start). */
export async function ensureStaff(db: Queryable, name: string, key: string, nowMs = Date.now()): Promise<void> {
  await db.query(
    `INSERT INTO staff (id, name, key_hash, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (name) DO UPDATE SET key_hash = EXCLUDED.key_hash, disabled_at = NULL`,
    [newId('staff'), name, sha256(key), new Date(nowMs)],
  );
}

/** The staff member of a key, or null (unknown or disabled). */
export async function staffOfKey(db: Queryable, key: string | null): Promise<StaffMember | null> {
  if (!key || key.length > 256) return null;
  const { rows } = await db.query<StaffMember>('SELECT id, name FROM staff WHERE key_hash = $1 AND disabled_at IS NULL', [sha256(key)]);
  return rows[0] ?? null;
}

/** Lists staff. */
export async function listStaff(db: Queryable): Promise<Array<StaffMember & { created_at: Date; disabled_at: Date | null }>> {
  const { rows } = await db.query<StaffMember & { created_at: Date; disabled_at: Date | null }>('SELECT id, name, created_at, disabled_at FROM staff ORDER BY created_at');
  return rows;
}

/** Disables a staff member (their key stops working at once, on every instance). */
export async function disableStaff(db: Queryable, name: string, nowMs = Date.now()): Promise<boolean> {
  const { rowCount } = await db.query('UPDATE staff SET disabled_at = $2 WHERE name = $1 AND disabled_at IS NULL', [name, new Date(nowMs)]);
  return rowCount > 0;
}
