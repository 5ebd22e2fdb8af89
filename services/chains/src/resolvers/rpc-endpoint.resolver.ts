import { requireRole } from '@junction/federation';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { ChainsContext } from '../context';
import type { RpcEndpointRepository } from '../repositories/rpc-endpoint.repository';
import { AddRpcEndpointInput } from '../types/chain-inputs';
import { RpcEndpoint } from '../types/rpc-endpoint';

/** Operators manage chains' RPC endpoints. */
@Resolver(() => RpcEndpoint)
export class RpcEndpointResolver {
  constructor(private readonly endpoints: RpcEndpointRepository) {}

  @Mutation(() => RpcEndpoint, { description: 'Adds an RPC endpoint to a chain. Operators only.' })
  addRpcEndpoint(
    @Ctx() { principal }: ChainsContext,
    @Arg('chainId', () => ID) chainId: string,
    @Arg('input', () => AddRpcEndpointInput) input: AddRpcEndpointInput,
  ): Promise<RpcEndpoint> {
    requireRole(principal, 'OPERATOR', 'manage RPC endpoints');
    return this.endpoints.add(chainId, input);
  }

  @Mutation(() => RpcEndpoint, { description: 'Removes an RPC endpoint. Operators only.' })
  removeRpcEndpoint(@Ctx() { principal }: ChainsContext, @Arg('id', () => ID) id: string): Promise<RpcEndpoint> {
    requireRole(principal, 'OPERATOR', 'manage RPC endpoints');
    return this.endpoints.remove(id);
  }
}
