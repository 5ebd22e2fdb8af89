import { isUuid, writeTransaction } from '@junction/db';
import { BadUserInputError, NotFoundError, type FieldError } from '@junction/errors';
import { groupByKeys } from '@junction/federation';
import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { PartnerContactEntity } from '../entities/partner-contact.entity';
import { escalationProblems } from '../rules/contact-escalation';
import type { AddPartnerContactInput, UpdatePartnerContactInput } from '../types/partner-contact-inputs';
import { lockActivePartner } from './active-partners';
import type { AuthorizePartner } from './authorize-partner';

/** Which unique constraint means which input field. */
const UNIQUE_FIELDS: Record<string, FieldError> = {
  partner_contact_email_key: { field: 'input.email', message: 'is already the email of another contact of this partner' },
  partner_contact_escalation_key: { field: 'input.escalationOrder', message: 'is already taken by another on-call contact of this partner' },
};

/** Reads and writes partners' contacts. The only code that touches the partner_contact table. */
export class PartnerContactRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Contacts by id, in the order of `ids`, null where unknown. One query. */
  async findByIds(ids: readonly string[]): Promise<Array<PartnerContactEntity | null>> {
    const valid = ids.filter(isUuid);
    const rows = valid.length === 0 ? [] : await this.dataSource.getRepository(PartnerContactEntity).findBy({ id: In(valid) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Each partner's contacts, on-call first in escalation order, then by name. One query. */
  async findByPartnerIds(partnerIds: readonly string[]): Promise<PartnerContactEntity[][]> {
    const valid = partnerIds.filter(isUuid);
    const rows =
      valid.length === 0
        ? []
        : await this.dataSource
            .getRepository(PartnerContactEntity)
            .createQueryBuilder('contact')
            .where('contact.partnerId IN (:...ids)', { ids: valid })
            .orderBy('contact.onCall', 'DESC')
            .addOrderBy('contact.escalationOrder', 'ASC', 'NULLS LAST')
            .addOrderBy('contact.name', 'ASC')
            .addOrderBy('contact.id', 'ASC')
            .getMany();
    return groupByKeys(rows, (row) => row.partnerId, partnerIds);
  }

  /** Adds a contact to an active partner. */
  add(partnerId: string, input: AddPartnerContactInput): Promise<PartnerContactEntity> {
    return writeTransaction(
      this.dataSource,
      async (manager) => {
        await lockActivePartner(manager, partnerId);
        const contact = manager.create(PartnerContactEntity, {
          id: randomUUID(),
          partnerId,
          name: input.name,
          email: input.email,
          title: input.title,
          phone: input.phone ?? null,
          chatHandle: input.chatHandle ?? null,
          onCall: input.onCall,
          escalationOrder: input.escalationOrder ?? null,
        });
        const problems = [...escalationProblems(contact.onCall, contact.escalationOrder), ...(await this.clashProblems(manager, contact))];
        if (problems.length > 0) throw new BadUserInputError(problems);
        return manager.save(contact);
      },
      UNIQUE_FIELDS,
    );
  }

  /** Changes a contact; omitted fields keep their value, null clears phone, chat handle or escalation order. */
  update(id: string, input: UpdatePartnerContactInput, authorize: AuthorizePartner): Promise<PartnerContactEntity> {
    return writeTransaction(
      this.dataSource,
      async (manager) => {
        const contact = await this.lock(manager, id);
        authorize(contact.partnerId);
        for (const key of ['name', 'email', 'title', 'phone', 'chatHandle', 'onCall', 'escalationOrder'] as const) {
          if (input[key] !== undefined) Object.assign(contact, { [key]: input[key] });
        }
        const problems = [...escalationProblems(contact.onCall, contact.escalationOrder), ...(await this.clashProblems(manager, contact))];
        if (problems.length > 0) throw new BadUserInputError(problems);
        return manager.save(contact);
      },
      UNIQUE_FIELDS,
    );
  }

  /** Removes a contact (its personal data goes with it); returns the removed record. */
  remove(id: string, authorize: AuthorizePartner): Promise<PartnerContactEntity> {
    return writeTransaction(this.dataSource, async (manager) => {
      const contact = await this.lock(manager, id);
      authorize(contact.partnerId);
      await manager.delete(PartnerContactEntity, { id });
      return contact;
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<PartnerContactEntity> {
    const contact = isUuid(id)
      ? await manager.getRepository(PartnerContactEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!contact) throw new NotFoundError('partner contact', id);
    return contact;
  }

  /** Another contact of the same partner with the same email, or the same place in the on-call escalation. */
  private async clashProblems(manager: EntityManager, contact: PartnerContactEntity): Promise<FieldError[]> {
    const others = await manager
      .getRepository(PartnerContactEntity)
      .createQueryBuilder('contact')
      .select(['contact.id', 'contact.name', 'contact.email', 'contact.onCall', 'contact.escalationOrder'])
      .where('contact.partnerId = :partnerId AND contact.id <> :id', { partnerId: contact.partnerId, id: contact.id })
      .andWhere('(lower(contact.email) = lower(:email) OR (contact.onCall AND contact.escalationOrder = :order))', {
        email: contact.email,
        order: contact.onCall ? contact.escalationOrder : -1,
      })
      .getMany();
    const problems: FieldError[] = [];
    const sameEmail = others.find((other) => other.email.toLowerCase() === contact.email.toLowerCase());
    if (sameEmail) problems.push({ field: 'input.email', message: `"${contact.email}" is already the email of ${sameEmail.name}, another contact of this partner` });
    const sameOrder = contact.onCall ? others.find((other) => other.onCall && other.escalationOrder === contact.escalationOrder) : undefined;
    if (sameOrder) {
      problems.push({
        field: 'input.escalationOrder',
        message: `${contact.escalationOrder} is already the escalation order of ${sameOrder.name}; each on-call contact of a partner needs its own`,
      });
    }
    return problems;
  }
}
