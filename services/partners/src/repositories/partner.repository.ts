import { isUuid, writeTransaction } from '@junction/db';
import { BadUserInputError, ConflictError, type FieldError } from '@junction/errors';
import { keysetPage, type Page } from '@junction/federation';
import { randomUUID } from 'node:crypto';
import { Brackets, In, type DataSource } from 'typeorm';
import { ComponentOwnershipEntity } from '../entities/component-ownership.entity';
import { PartnerEntity } from '../entities/partner.entity';
import type { CreatePartnerInput, PartnerFilter, UpdatePartnerInput } from '../types/partner-inputs';
import { lockActivePartner } from './active-partners';

/** Which unique constraint means which input field. */
const UNIQUE_FIELDS: Record<string, FieldError> = {
  partner_slug_key: { field: 'input.slug', message: 'is already used by another partner; pick another slug' },
};

/** Reads and writes partners. The only code that touches the partner table. */
export class PartnerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Partners by id, in the order of `ids`, null where unknown. One query for any number of ids. */
  async findByIds(ids: readonly string[]): Promise<Array<PartnerEntity | null>> {
    const valid = ids.filter(isUuid);
    const rows = valid.length === 0 ? [] : await this.dataSource.getRepository(PartnerEntity).findBy({ id: In(valid) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** The partner with this slug, or null. */
  findBySlug(slug: string): Promise<PartnerEntity | null> {
    return this.dataSource.getRepository(PartnerEntity).findOneBy({ slug });
  }

  /** One page of partners matching the filter, ordered by name. */
  findPage(filter: PartnerFilter, first: number, after?: string | null): Promise<Page<PartnerEntity>> {
    const query = this.dataSource.getRepository(PartnerEntity).createQueryBuilder('partner');
    if (!filter.includeArchived) query.andWhere('partner.archivedAt IS NULL');
    if (filter.kinds?.length) query.andWhere('partner.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.statuses?.length) query.andWhere('partner.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.search) {
      const pattern = `%${filter.search.replace(/[\\%_]/g, '\\$&')}%`;
      query.andWhere(new Brackets((q) => q.where('partner.name ILIKE :pattern', { pattern }).orWhere('partner.slug ILIKE :pattern')));
    }
    return keysetPage(query, { first, after, orderBy: 'partner.name' });
  }

  /** Adds a partner after checking that its slug is free; writes nothing if it is not. */
  create(input: CreatePartnerInput, id: string = randomUUID()): Promise<PartnerEntity> {
    return writeTransaction(
      this.dataSource,
      async (manager) => {
        const clash = await manager.getRepository(PartnerEntity).findOne({ where: { slug: input.slug }, select: { id: true, name: true } });
        if (clash) throw new BadUserInputError([{ field: 'input.slug', message: `"${input.slug}" is already used by ${clash.name}; pick another slug` }]);
        const partner = manager.create(PartnerEntity, {
          id,
          slug: input.slug,
          name: input.name,
          kind: input.kind,
          status: input.status,
          websiteUrl: input.websiteUrl ?? null,
          description: input.description ?? null,
          archivedAt: null,
        });
        return manager.save(partner);
      },
      UNIQUE_FIELDS,
    );
  }

  /** Changes an active partner; omitted fields keep their value. */
  update(id: string, input: UpdatePartnerInput): Promise<PartnerEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      const partner = await lockActivePartner(manager, id);
      for (const key of ['name', 'kind', 'status', 'websiteUrl', 'description'] as const) {
        if (input[key] !== undefined) Object.assign(partner, { [key]: input[key] });
      }
      return manager.save(partner);
    });
  }

  /**
   * Archives a partner: it leaves lists but stays resolvable by id, so history keeps its links. A partner that
   * still owns or backs up a component cannot be archived: the matrix would point on-call at nobody.
   */
  archive(id: string): Promise<PartnerEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      const partner = await lockActivePartner(manager, id);
      const ownerships = await manager
        .getRepository(ComponentOwnershipEntity)
        .createQueryBuilder('ownership')
        .where('ownership.ownerPartnerId = :id OR ownership.backupPartnerId = :id', { id })
        .getCount();
      if (ownerships > 0) {
        throw new ConflictError(
          `${partner.name} still owns or backs up ${ownerships} component${ownerships === 1 ? '' : 's'}; ` +
            'reassign or remove those ownerships (see Partner.ownerships) before archiving it.',
          { partnerId: id, ownerships },
        );
      }
      partner.archivedAt = new Date();
      return manager.save(partner);
    });
  }

  /** How many partners exist (archived included). */
  count(): Promise<number> {
    return this.dataSource.getRepository(PartnerEntity).count();
  }
}
