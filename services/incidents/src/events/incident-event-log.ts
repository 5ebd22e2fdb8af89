import { INCIDENT_EVENTS_TOPIC, type EventBus, type IncidentEventKind, type IncidentEventMessage } from '@junction/events';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { IncidentEventEntity } from '../entities/incident-event.entity';
import type { IncidentEntity } from '../entities/incident.entity';
import { AFFECTED_TARGETS, type AffectedTarget } from '../repositories/affected-targets';

/** Records one event inside the change's transaction (bound to it by {@link IncidentEventLog.write}). */
export type RecordIncidentEvent = (incident: IncidentEntity, kind: IncidentEventKind) => Promise<IncidentEventMessage>;

/** Work done with a recorded event in the same transaction as the change (enqueueing webhook deliveries). */
export type SameTransactionHandler = (manager: EntityManager, event: IncidentEventMessage) => Promise<void>;

/** Options of {@link IncidentEventLog}. */
export interface IncidentEventLogOptions {
  /** Where events go after the commit (subscribers, gateways' response caches). @default none: events are only stored */
  bus?: EventBus;
  /** Told when a committed event could not be published; the event stays in the log. @default ignored */
  onPublishError?: (error: unknown, event: IncidentEventMessage) => void;
}

/**
 * The incident event log. Every change to an incident records an event in the change's own transaction (so an
 * event exists exactly when its change committed), runs the same-transaction handlers (the webhook outbox), and
 * publishes the events on the bus once the transaction has committed.
 */
export class IncidentEventLog {
  private readonly handlers: SameTransactionHandler[] = [];

  constructor(private readonly options: IncidentEventLogOptions = {}) {}

  /** Adds work to do with every event in the transaction that records it. */
  onRecord(handler: SameTransactionHandler): void {
    this.handlers.push(handler);
  }

  /**
   * Runs `work` in a transaction; the events it records are stored with it and published after the commit. When
   * `work` throws, nothing is stored and nothing is published.
   */
  async write<T>(dataSource: DataSource, work: (manager: EntityManager, record: RecordIncidentEvent) => Promise<T>): Promise<T> {
    const recorded: IncidentEventMessage[] = [];
    const result = await dataSource.transaction((manager) =>
      work(manager, async (incident, kind) => {
        const event = await this.record(manager, incident, kind);
        recorded.push(event);
        return event;
      }),
    );
    for (const event of recorded) this.publish(event);
    return result;
  }

  /**
   * Stores one event in one statement: the affected ids are read from the link tables inside the INSERT, as the
   * change left them, sorted.
   */
  private async record(manager: EntityManager, incident: IncidentEntity, kind: IncidentEventKind): Promise<IncidentEventMessage> {
    const table = (entity: EntityTarget<ObjectLiteral>) => {
      const { schema, tableName } = manager.connection.getMetadata(entity);
      const escape = (name: string) => manager.connection.driver.escape(name);
      return schema ? `${escape(schema)}.${escape(tableName)}` : escape(tableName);
    };
    const affected = (target: AffectedTarget) => {
      const { entity, idColumn } = AFFECTED_TARGETS[target];
      return `ARRAY(SELECT ${idColumn} FROM ${table(entity)} WHERE incident_id = $2 ORDER BY 1)`;
    };
    const row = manager.create(IncidentEventEntity, {
      id: randomUUID(),
      incidentId: incident.id,
      kind,
      visibility: incident.visibility,
      status: incident.status,
      severity: incident.severity,
      occurredAt: new Date(),
    });
    // Cast to text[] on the way out: PostgreSQL (pg) and PGlite then both hand back string arrays.
    const [stored] = (await manager.query(
      `INSERT INTO ${table(IncidentEventEntity)} (id, incident_id, kind, visibility, status, severity, occurred_at, chain_ids, bridge_ids, partner_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7, ${affected('chain')}, ${affected('bridge')}, ${affected('partner')})
       RETURNING sequence::text AS sequence, chain_ids::text[] AS chain_ids, bridge_ids::text[] AS bridge_ids, partner_ids::text[] AS partner_ids`,
      [row.id, row.incidentId, row.kind, row.visibility, row.status, row.severity, row.occurredAt],
    )) as Array<{ sequence: string; chain_ids: string[]; bridge_ids: string[]; partner_ids: string[] }>;
    const event = toMessage({ ...row, sequence: Number(stored.sequence), chainIds: stored.chain_ids, bridgeIds: stored.bridge_ids, partnerIds: stored.partner_ids });
    for (const handler of this.handlers) await handler(manager, event);
    return event;
  }

  private publish(event: IncidentEventMessage): void {
    if (!this.options.bus) return;
    this.options.bus.publish(INCIDENT_EVENTS_TOPIC, event).catch((error: unknown) => this.options.onPublishError?.(error, event));
  }
}

/** An event row as the message the bus carries. */
export function toMessage(row: IncidentEventEntity): IncidentEventMessage {
  return {
    id: row.id,
    sequence: row.sequence,
    kind: row.kind,
    incidentId: row.incidentId,
    occurredAt: row.occurredAt.toISOString(),
    visibility: row.visibility,
    status: row.status,
    severity: row.severity,
    chainIds: row.chainIds,
    bridgeIds: row.bridgeIds,
    partnerIds: row.partnerIds,
  };
}
