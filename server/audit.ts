/**
 * The audit log: every state change writes a row in the same transaction (who, when, what,
 * before and after), so a change and its row commit together or not at all.
 */
import type { Queryable } from './db/database.js';

/** Who did it. */
export interface Actor {
  type: 'candidate' | 'staff' | 'gateway' | 'system';
  /** The account, the staff member, the gateway's name; null for the system. */
  id: string | null;
  requestId?: string | undefined;
  address?: string | undefined;
}

/** One audited change. */
export interface AuditEntry {
  action: string;
  entityType: 'account' | 'session' | 'application' | 'photo' | 'order' | 'round' | 'certificate' | 'staff' | 'clock';
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Writes the audit row of a change (inside the change's transaction). */
export async function audit(tx: Queryable, actor: Actor, nowMs: number, entry: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (at, actor_type, actor_id, action, entity_type, entity_id, before, after, request_id, address)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10)`,
    [
      new Date(nowMs),
      actor.type,
      actor.id,
      entry.action,
      entry.entityType,
      entry.entityId,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
      actor.requestId ?? null,
      actor.address ?? null,
    ],
  );
}
