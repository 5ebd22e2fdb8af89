import { seedId } from '@junction/federation';
import type { DataSource } from 'typeorm';
import { getAddress } from 'viem';
import { ComponentOwnershipEntity } from '../entities/component-ownership.entity';
import { PartnerAgreementEntity } from '../entities/partner-agreement.entity';
import { PartnerContactEntity } from '../entities/partner-contact.entity';
import { PartnerEntity } from '../entities/partner.entity';
import type { RollbackProcedureRecord } from '../entities/rollout-plan.entity';
import { RolloutPlanEntity } from '../entities/rollout-plan.entity';
import { RolloutTransitionEntity } from '../entities/rollout-transition.entity';
import { RolloutPhase } from '../types/enums';
import { SEED_AGREEMENTS, SEED_CONTACTS, SEED_OWNERSHIPS, SEED_PARTNERS, SEED_ROLLOUT_PLANS } from './catalogue';

/** The chain or bridge a seed record is about, as ids. */
function subject({ chain, bridge }: { chain?: string; bridge?: string }): { chainId: string | null; bridgeId: string | null } {
  return { chainId: chain ? seedId('chain', chain) : null, bridgeId: bridge ? seedId('bridge', bridge) : null };
}

/** The rollback procedure with its addresses in EIP-55 form, as the API would have stored them. */
function checksummed(rollback: RollbackProcedureRecord): RollbackProcedureRecord {
  return {
    ...rollback,
    pausableContracts: rollback.pausableContracts.map((contract) => ({ ...contract, address: getAddress(contract.address) })),
    multisig: rollback.multisig && {
      ...rollback.multisig,
      address: getAddress(rollback.multisig.address),
      signers: rollback.multisig.signers.map((signer) => ({ ...signer, address: getAddress(signer.address) })),
    },
  };
}

/**
 * Fills an empty partner directory with the seed partners, their contacts, the ownership matrix, agreements and
 * rollout plans, in one transaction (all or nothing). Ids are deterministic (`seedId('partner', slug)`, and chains
 * and bridges by `seedId('chain' | 'bridge', slug)`), so the seeds of every service agree without asking each
 * other. Returns the number of partners written (0 when the directory already had partners).
 */
export async function seedPartners(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (manager) => {
    if ((await manager.count(PartnerEntity)) > 0) return 0;
    const partnerId = (slug: string) => seedId('partner', slug);

    await manager.insert(
      PartnerEntity,
      SEED_PARTNERS.map(({ slug, ...fields }) => ({ ...fields, id: partnerId(slug), slug, archivedAt: null })),
    );
    await manager.insert(
      PartnerContactEntity,
      SEED_CONTACTS.map(({ partner, ...fields }) => ({ ...fields, id: seedId('partner-contact', `${partner}#${fields.email}`), partnerId: partnerId(partner) })),
    );
    await manager.insert(
      ComponentOwnershipEntity,
      SEED_OWNERSHIPS.map(({ component, chain, bridge, owner, backup, notes }) => ({
        id: seedId('component-ownership', `${chain ? `chain:${chain}` : `bridge:${bridge}`}#${component}`),
        component,
        ...subject({ chain, bridge }),
        ownerPartnerId: partnerId(owner),
        backupPartnerId: backup ? partnerId(backup) : null,
        notes,
      })),
    );
    await manager.insert(
      PartnerAgreementEntity,
      SEED_AGREEMENTS.map(({ key, partner, chain, bridge, responseMinutes: [sev1, sev2, sev3, sev4], ...terms }) => ({
        ...terms,
        id: seedId('partner-agreement', key),
        partnerId: partnerId(partner),
        ...subject({ chain, bridge }),
        responseMinutesSev1: sev1,
        responseMinutesSev2: sev2,
        responseMinutesSev3: sev3,
        responseMinutesSev4: sev4,
        terminatedAt: null,
        terminationReason: null,
      })),
    );
    for (const { key, partner, chain, bridge, title, phases, rollback, history } of SEED_ROLLOUT_PLANS) {
      const planId = seedId('rollout-plan', key);
      const last = history[history.length - 1];
      await manager.insert(RolloutPlanEntity, {
        id: planId,
        partnerId: partnerId(partner),
        ...subject({ chain, bridge }),
        title,
        currentPhase: last.toPhase,
        phases,
        rollback: checksummed(rollback),
        startedAt: new Date(history[0].occurredAt),
        completedAt: last.toPhase === RolloutPhase.FULL ? new Date(last.occurredAt) : null,
      });
      await manager.insert(
        RolloutTransitionEntity,
        history.map((step, index) => ({
          ...step,
          id: seedId('rollout-transition', `${key}#${index + 1}`),
          planId,
          sequence: index + 1,
          occurredAt: new Date(step.occurredAt),
        })),
      );
    }
    return SEED_PARTNERS.length;
  });
}
