import type { Actor } from '../types';
import { cached, type DB } from './db';
import { newId } from './ids';

export type { Actor };

export interface AuditEvent {
  at: number;
  actor: Actor;
  action: string;
  entityType?: string;
  entityId?: string;
  detail?: Record<string, unknown>;
}

/** Appends to the audit log: who did what to which item, with a small JSON detail. */
export function recordAudit(db: DB, event: AuditEvent): void {
  cached(db, 'INSERT INTO audit_events (id, at, actor, action, entity_type, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    newId(event.at),
    event.at,
    event.actor,
    event.action,
    event.entityType ?? null,
    event.entityId ?? null,
    event.detail ? JSON.stringify(event.detail) : null,
  );
}
