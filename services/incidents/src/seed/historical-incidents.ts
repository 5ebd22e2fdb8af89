import { IncidentDetectionSource, IncidentKind, IncidentSeverity, IncidentStatus, IncidentVisibility } from '../types/enums';
import type { SeedIncident } from './catalogue';

const at = (iso: string) => new Date(iso);

/**
 * Four historical incidents, from the teams' status pages and post-mortems.
 *
 * - Arbitrum One, 15 Dec 2023: the sequencer stalled at 10:29 ET (15:29 UTC) under a surge of inscription
 *   transactions and was back about 78 minutes later.
 * - Linea, 2 Jun 2024: the team paused the sequencer (no blocks between 5081800 and 5081801, about an hour)
 *   after the Velocore DEX exploit (~$6.8M), and censored the attacker's addresses. Clock times approximate.
 * - Base, 5 Aug 2025: the unsafe head stalled 06:07–06:40 UTC (33 minutes) after Conductor handed leadership to
 *   a sequencer that was still being provisioned (Base's post-mortem).
 * - Wormhole, 2 Feb 2022: a signature-verification bypass in the Solana core contract minted 120,000 wETH
 *   without collateral (~$320M); 93,750 were redeemed for ETH on Ethereum; Jump Crypto restored the backing
 *   and the bridge reopened the next day. Times after 18:24 UTC approximate.
 */
export const HISTORICAL_INCIDENTS: SeedIncident[] = [
  {
    slug: 'arbitrum-one-sequencer-stall-2023-12-15',
    title: 'Arbitrum One sequencer stalled under inscription load',
    summary:
      'The Arbitrum One sequencer stopped relaying transactions during a sustained surge of inscription mints. ' +
      'No transactions were processed for about 78 minutes; gas prices stayed elevated while the backlog cleared.',
    kind: IncidentKind.SEQUENCER_DOWNTIME,
    severity: IncidentSeverity.SEV1,
    visibility: IncidentVisibility.PUBLIC,
    dedupKey: 'sequencer-head-stalled:arbitrum-one',
    detectedBy: { source: IncidentDetectionSource.RULE, ruleKey: 'sequencer-head-stalled' },
    chains: ['arbitrum-one'],
    bridges: [],
    partners: ['offchain-labs'],
    startedAt: at('2023-12-15T15:29:00Z'),
    timeline: [
      {
        at: at('2023-12-15T15:31:00Z'),
        status: IncidentStatus.INVESTIGATING,
        author: 'alert rule sequencer-head-stalled',
        message: 'Arbitrum One has produced no block for 2 minutes (expected block time 250 ms).',
      },
      {
        at: at('2023-12-15T15:58:00Z'),
        status: IncidentStatus.IDENTIFIED,
        author: 'Offchain Labs on-call',
        message:
          'A sustained surge of inscription transactions made the sequencer stop relaying transactions properly; ' +
          'the batch poster is also falling behind. A fix is being deployed.',
      },
      {
        at: at('2023-12-15T16:38:00Z'),
        status: IncidentStatus.MONITORING,
        author: 'Offchain Labs on-call',
        message: 'A new version is running on the sequencer and blocks are being produced again. Gas prices are elevated and should normalise.',
      },
      {
        at: at('2023-12-15T16:47:00Z'),
        status: IncidentStatus.RESOLVED,
        author: 'Offchain Labs on-call',
        message: 'Arbitrum One is processing transactions normally. A post-mortem will follow.',
      },
    ],
    acknowledgements: [{ partner: 'offchain-labs', by: 'Offchain Labs on-call', note: 'On it; sequencer team paged.', at: at('2023-12-15T15:36:00Z') }],
  },
  {
    slug: 'linea-sequencer-paused-velocore-2024-06-02',
    title: 'Linea block production halted after the Velocore exploit',
    summary:
      'The Linea team paused the sequencer to stop an attacker who had drained about $6.8M from the Velocore DEX ' +
      'from bridging more funds out, and censored the attacker addresses. No blocks were produced for about an hour.',
    kind: IncidentKind.SEQUENCER_DOWNTIME,
    severity: IncidentSeverity.SEV2,
    visibility: IncidentVisibility.PUBLIC,
    dedupKey: null,
    detectedBy: { source: IncidentDetectionSource.PERSON, reporterName: 'Consensys (Linea) security' },
    chains: ['linea'],
    bridges: ['linea-bridge'],
    partners: ['consensys'],
    startedAt: at('2024-06-02T09:40:00Z'),
    timeline: [
      {
        at: at('2024-06-02T09:45:00Z'),
        status: IncidentStatus.INVESTIGATING,
        author: 'Consensys (Linea) security',
        message: 'Block production on Linea is paused after block 5081800 while an exploit of the Velocore DEX is contained.',
      },
      {
        at: at('2024-06-02T10:05:00Z'),
        status: IncidentStatus.IDENTIFIED,
        author: 'Consensys (Linea) security',
        message:
          'The exploit is limited to Velocore volatile pools. The attacker addresses are being censored so that ' +
          'no further funds can be bridged out; Velocore is triaging the vulnerability.',
      },
      {
        at: at('2024-06-02T10:40:00Z'),
        status: IncidentStatus.MONITORING,
        author: 'Consensys (Linea) security',
        message: 'Block production resumed at block 5081801. The attacker addresses remain censored.',
      },
      {
        at: at('2024-06-02T11:10:00Z'),
        status: IncidentStatus.RESOLVED,
        author: 'Consensys (Linea) security',
        message: 'Linea is producing blocks normally. Velocore is coordinating reimbursement of affected users.',
      },
    ],
    acknowledgements: [],
  },
  {
    slug: 'base-unsafe-head-stall-2025-08-05',
    title: 'Base Mainnet unsafe head delay',
    summary:
      'Block production on Base Mainnet halted for 33 minutes: Conductor handed sequencing to a sequencer that was ' +
      'still being provisioned and could not produce blocks or hand off again. Deposits, withdrawals and Flashblocks were affected.',
    kind: IncidentKind.SEQUENCER_DOWNTIME,
    severity: IncidentSeverity.SEV2,
    visibility: IncidentVisibility.PUBLIC,
    dedupKey: 'unsafe-head-stalled:base',
    detectedBy: { source: IncidentDetectionSource.RULE, ruleKey: 'unsafe-head-stalled' },
    chains: ['base'],
    bridges: ['base-bridge'],
    partners: ['base-team'],
    startedAt: at('2025-08-05T06:07:00Z'),
    timeline: [
      {
        at: at('2025-08-05T06:09:00Z'),
        status: IncidentStatus.INVESTIGATING,
        author: 'alert rule unsafe-head-stalled',
        message: 'The Base Mainnet unsafe head has not advanced for 2 minutes (stuck at block 33792704).',
      },
      {
        at: at('2025-08-05T06:18:00Z'),
        status: IncidentStatus.IDENTIFIED,
        author: 'Base on-call',
        message:
          'Conductor moved leadership to a sequencer that is still being provisioned. Conductor is paused and ' +
          'leadership is being transferred by hand to a healthy sequencer, planned so the chain does not re-org.',
      },
      {
        at: at('2025-08-05T06:36:00Z'),
        status: IncidentStatus.MONITORING,
        author: 'Base on-call',
        message: 'A healthy sequencer is producing blocks again; watching deposits and withdrawals catch up.',
      },
      {
        at: at('2025-08-05T06:40:00Z'),
        status: IncidentStatus.RESOLVED,
        author: 'Base on-call',
        message: 'The network has fully recovered after 33 minutes. No funds were lost; a post-mortem will follow.',
      },
    ],
    acknowledgements: [{ partner: 'base-team', by: 'Base on-call', note: 'Incident declared.', at: at('2025-08-05T06:12:00Z') }],
  },
  {
    slug: 'wormhole-exploit-2022-02-02',
    title: 'Wormhole bridge exploited: 120,000 wETH minted without collateral',
    summary:
      'An attacker bypassed guardian signature verification in the Wormhole core contract on Solana and minted ' +
      '120,000 wETH without depositing ETH, then redeemed 93,750 of them for ETH on Ethereum (about $320M). ' +
      'The bridge was taken down, the bug patched, and the missing ETH replaced so wETH stayed fully backed.',
    kind: IncidentKind.BRIDGE_EXPLOIT,
    severity: IncidentSeverity.SEV1,
    visibility: IncidentVisibility.PUBLIC,
    dedupKey: null,
    detectedBy: { source: IncidentDetectionSource.PERSON, reporterName: 'Wormhole contributors' },
    chains: ['ethereum'],
    bridges: ['wormhole'],
    partners: ['wormhole-foundation'],
    startedAt: at('2022-02-02T18:24:00Z'),
    timeline: [
      {
        at: at('2022-02-02T19:00:00Z'),
        status: IncidentStatus.INVESTIGATING,
        author: 'Wormhole contributors',
        message: 'The Wormhole network is down for maintenance while a potential exploit is investigated.',
      },
      {
        at: at('2022-02-02T21:00:00Z'),
        status: IncidentStatus.IDENTIFIED,
        author: 'Wormhole contributors',
        message:
          '120k wETH were minted on Solana through a flaw in signature verification. The vulnerability is patched; ' +
          'ETH is being added to keep wETH fully backed.',
      },
      {
        at: at('2022-02-03T12:00:00Z'),
        status: IncidentStatus.MONITORING,
        author: 'Wormhole contributors',
        message: 'wETH is backed 1:1 again. The bridge is being brought back online.',
      },
      {
        at: at('2022-02-03T18:00:00Z'),
        status: IncidentStatus.RESOLVED,
        author: 'Wormhole contributors',
        message: 'All funds are safe and the Wormhole network is back up.',
      },
    ],
    acknowledgements: [],
  },
];
