import { RequiresAccess } from '@junction/federation';
import { Arg, ID, Mutation, Resolver } from 'type-graphql';
import type { RpcEndpointRepository } from '../repositories/rpc-endpoint.repository';
import { AddRpcEndpointInput } from '../types/chain-inputs';
import { RpcEndpoint } from '../types/rpc-endpoint';

/** Operators manage chains' RPC endpoints. */
@Resolver(() => RpcEndpoint)
export class RpcEndpointResolver {
  constructor(private readonly endpoints: RpcEndpointRepository) {}

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => RpcEndpoint, { description: 'Adds an RPC endpoint to a chain. Operators only.' })
  addRpcEndpoint(
    @Arg('chainId', () => ID) chainId: string,
    @Arg('input', () => AddRpcEndpointInput) input: AddRpcEndpointInput,
  ): Promise<RpcEndpoint> {
    return this.endpoints.add(chainId, input);
  }

  @RequiresAccess({ role: 'OPERATOR', scope: 'catalogue:write' })
  @Mutation(() => RpcEndpoint, { description: 'Removes an RPC endpoint. Operators only.' })
  removeRpcEndpoint(@Arg('id', () => ID) id: string): Promise<RpcEndpoint> {
    return this.endpoints.remove(id);
  }
}
