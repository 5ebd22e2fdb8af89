import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '@junction/errors';
import type { Role } from '@junction/federation/identity';
import { GraphQLError, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { CostDirectives } from '../protection/cost-directives';
import { DEFAULT_LIST_SIZE, estimateOperationCost } from '../protection/estimate-operation-cost';
import type { PrincipalContext } from './use-api-key-auth';

/** Options of {@link useCostBudget}. */
export interface UseCostBudgetOptions {
  /** The supergraph's `@cost` and `@listSize` annotations. */
  directives: CostDirectives;
  /** The highest estimated cost one operation may have, per role of the caller. */
  budgets: Readonly<Record<Role, number>>;
  /** The size assumed for list fields without `@listSize`. @default 10 */
  defaultListSize?: number;
}

/**
 * Demand control with a budget per role: estimates each operation's cost from the supergraph's `@cost` and
 * `@listSize` (see {@link estimateOperationCost}) once the caller is known, and refuses one over the caller's
 * budget before any subgraph is asked, with `COST_LIMIT_EXCEEDED`, the cost and the budget in the sentence and in
 * `extensions.cost: { estimated, max }` (400 under `application/graphql-response+json`).
 *
 * The runtime's own `demandControl` is not used: it has one maximum for everyone and adds up subgraph requests as
 * they are sent, so an operation over budget is stopped halfway, possibly after a mutation already ran.
 */
export function useCostBudget({ directives, budgets, defaultListSize = DEFAULT_LIST_SIZE }: UseCostBudgetOptions): GatewayPlugin<PrincipalContext> {
  const check = ({ args, setResultAndStopExecution }: { args: ExecutionArgs; setResultAndStopExecution(result: ExecutionResult): void }) => {
    const role = (args.contextValue as PrincipalContext).principal?.role ?? 'PUBLIC';
    const budget = budgets[role];
    const cost = estimateOperationCost({
      schema: args.schema,
      document: args.document,
      operationName: args.operationName,
      variables: args.variableValues as Record<string, unknown> | null | undefined,
      directives,
      defaultListSize,
    });
    if (cost <= budget) return;
    const caller = role === 'PUBLIC' ? 'a caller without an API key' : `${/^[AEIOU]/.test(role) ? 'an' : 'a'} ${role} key`;
    setResultAndStopExecution({
      errors: [
        new GraphQLError(
          `The query's estimated cost is ${cost}, more than the ${budget} allowed for ${caller}; ask for fewer items (a smaller first) or fewer nested lists, or split it into several queries.`,
          { extensions: { code: ErrorCode.COST_LIMIT_EXCEEDED, cost: { estimated: cost, max: budget }, http: { status: 400, spec: true } } },
        ),
      ],
    });
  };
  return { onExecute: check, onSubscribe: check };
}
