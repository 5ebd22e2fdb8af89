import { registerEnumType } from 'type-graphql';

/** What kind of trouble an incident is. */
export enum IncidentKind {
  SEQUENCER_DOWNTIME = 'SEQUENCER_DOWNTIME',
  FINALITY_DELAY = 'FINALITY_DELAY',
  BRIDGE_PAUSED = 'BRIDGE_PAUSED',
  BRIDGE_EXPLOIT = 'BRIDGE_EXPLOIT',
  REORG = 'REORG',
  RPC_OUTAGE = 'RPC_OUTAGE',
  GAS_SPIKE = 'GAS_SPIKE',
  DA_OUTAGE = 'DA_OUTAGE',
  OTHER = 'OTHER',
}

/** How bad an incident is; SEV1 is the worst. */
export enum IncidentSeverity {
  SEV1 = 'SEV1',
  SEV2 = 'SEV2',
  SEV3 = 'SEV3',
  SEV4 = 'SEV4',
}

/** Where an incident is in its lifecycle (Statuspage's stages). */
export enum IncidentStatus {
  INVESTIGATING = 'INVESTIGATING',
  IDENTIFIED = 'IDENTIFIED',
  MONITORING = 'MONITORING',
  RESOLVED = 'RESOLVED',
}

/** Who may see an incident. */
export enum IncidentVisibility {
  PUBLIC = 'PUBLIC',
  PARTNERS = 'PARTNERS',
  INTERNAL = 'INTERNAL',
}

/** How an incident was detected. */
export enum IncidentDetectionSource {
  RULE = 'RULE',
  PERSON = 'PERSON',
}

registerEnumType(IncidentKind, {
  name: 'IncidentKind',
  description: 'What kind of trouble an incident is.',
  valuesConfig: {
    SEQUENCER_DOWNTIME: { description: 'The sequencer stopped producing or accepting blocks.' },
    FINALITY_DELAY: { description: 'Blocks are produced but reach safe or finalized later than expected.' },
    BRIDGE_PAUSED: { description: 'A bridge paused deposits or withdrawals.' },
    BRIDGE_EXPLOIT: { description: 'A bridge lost funds or minted unbacked tokens.' },
    REORG: { description: 'A chain reorganised blocks it had already produced.' },
    RPC_OUTAGE: { description: 'RPC endpoints are unreachable, slow or wrong.' },
    GAS_SPIKE: { description: 'Fees rose far above normal.' },
    DA_OUTAGE: { description: 'The data availability layer is not accepting or serving data.' },
    OTHER: { description: 'Anything else.' },
  },
});
registerEnumType(IncidentSeverity, {
  name: 'IncidentSeverity',
  description: 'How bad an incident is; SEV1 is the worst.',
  valuesConfig: {
    SEV1: { description: 'Critical: funds at risk or a chain or bridge down for everyone.' },
    SEV2: { description: 'Major: a core function degraded or down for many users.' },
    SEV3: { description: 'Minor: degraded service with a workaround.' },
    SEV4: { description: 'Low: cosmetic or informational.' },
  },
});
registerEnumType(IncidentStatus, {
  name: 'IncidentStatus',
  description: 'Where an incident is in its lifecycle. It moves forward only; a RESOLVED incident can be reopened to INVESTIGATING.',
  valuesConfig: {
    INVESTIGATING: { description: 'Something is wrong and the cause is not known yet.' },
    IDENTIFIED: { description: 'The cause is known and a fix is being worked on.' },
    MONITORING: { description: 'A fix is in place and being watched.' },
    RESOLVED: { description: 'The incident is over.' },
  },
});
registerEnumType(IncidentVisibility, {
  name: 'IncidentVisibility',
  description: 'Who may see an incident.',
  valuesConfig: {
    PUBLIC: { description: 'Everyone.' },
    PARTNERS: { description: "Operators, and partners among the incident's affected partners." },
    INTERNAL: { description: 'Operators only.' },
  },
});
registerEnumType(IncidentDetectionSource, {
  name: 'IncidentDetectionSource',
  description: 'How an incident was detected.',
  valuesConfig: {
    RULE: { description: 'An alert rule fired.' },
    PERSON: { description: 'A person reported it.' },
  },
});

/** What happened to an incident (the kinds of `IncidentEventMessage` in @junction/events). */
export enum IncidentEventKind {
  OPENED = 'OPENED',
  UPDATED = 'UPDATED',
  UPDATE_POSTED = 'UPDATE_POSTED',
  RESOLVED = 'RESOLVED',
  REOPENED = 'REOPENED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  ARCHIVED = 'ARCHIVED',
}

registerEnumType(IncidentEventKind, {
  name: 'IncidentEventKind',
  description: 'What happened to an incident.',
  valuesConfig: {
    OPENED: { description: 'The incident was opened (INVESTIGATING).' },
    UPDATED: { description: 'Its title, summary, kind, severity, visibility, runbook or affected set changed.' },
    UPDATE_POSTED: { description: 'A timeline entry was posted; the status may have moved forward.' },
    RESOLVED: { description: 'It was resolved.' },
    REOPENED: { description: 'A resolved incident was reopened.' },
    ACKNOWLEDGED: { description: 'An affected partner acknowledged it.' },
    ARCHIVED: { description: 'It was archived.' },
  },
});
