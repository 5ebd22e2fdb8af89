import { IsDisplayName, IsSearchText, IsSlug, IsWebUrl } from '@junction/federation';
import { ArrayMaxSize, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { BridgeContractInput } from './bridge-contract-input';
import { BridgeRouteInput } from './bridge-route-inputs';
import { BridgeKind, BridgeLifecycle, BridgeSecurityModel } from './enums';

/** The most contracts one `createBridge` call may carry. */
export const MAX_CONTRACTS_PER_CREATE = 200;

/** The most routes one `createBridge` call may carry. */
export const MAX_ROUTES_PER_CREATE = 500;

const SUPPORTED_CHAINS_MESSAGE = 'supportedChainsCount must be 2 to 10000: a bridge connects at least two chains';

/** A new bridge with its contracts and routes, written together or not at all. */
@InputType({ description: 'A new bridge with its contracts and routes, written together or not at all.' })
export class CreateBridgeInput {
  @Field()
  @IsSlug('arbitrum-bridge')
  slug!: string;

  @Field()
  @IsDisplayName()
  name!: string;

  @Field(() => BridgeKind)
  kind!: BridgeKind;

  @Field({ description: 'The protocol or project behind the bridge, e.g. `Wormhole`.' })
  @Length(1, 80, { message: 'provider must be 1 to 80 characters' })
  provider!: string;

  @Field(() => BridgeSecurityModel)
  securityModel!: BridgeSecurityModel;

  @Field({ description: 'Who validates messages, e.g. "19 Wormhole Guardians, 13 of 19 signatures".' })
  @Length(1, 500, { message: 'validatedBy must be 1 to 500 characters' })
  validatedBy!: string;

  @Field({ description: 'Whether the bridge carries arbitrary messages, not only tokens.' })
  arbitraryMessaging!: boolean;

  @Field({ defaultValue: false, description: "Whether users must hold the protocol's own token to use it." })
  nativeTokenRequired: boolean = false;

  @Field(() => Int, { description: 'Published number of supported chains (50 for "50+").' })
  @Min(2, { message: SUPPORTED_CHAINS_MESSAGE })
  @Max(10_000, { message: SUPPORTED_CHAINS_MESSAGE })
  supportedChainsCount!: number;

  @Field(() => ID, { nullable: true, description: 'The partner that operates the bridge.' })
  operatorPartnerId?: string | null;

  @Field(() => String, { nullable: true })
  @IsWebUrl()
  websiteUrl?: string | null;

  @Field(() => String, { nullable: true })
  @IsWebUrl()
  docsUrl?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000, { message: 'notes must be 1 to 2000 characters' })
  notes?: string | null;

  @Field(() => BridgeLifecycle, { defaultValue: BridgeLifecycle.ACTIVE })
  status: BridgeLifecycle = BridgeLifecycle.ACTIVE;

  @Field(() => [BridgeContractInput], { description: 'Its contracts; none when omitted.' })
  @ArrayMaxSize(MAX_CONTRACTS_PER_CREATE, { message: `contracts must have at most ${MAX_CONTRACTS_PER_CREATE} entries; add more with addBridgeContract` })
  @ValidateNested()
  contracts: BridgeContractInput[] = [];

  @Field(() => [BridgeRouteInput], { description: 'Its routes; none when omitted.' })
  @ArrayMaxSize(MAX_ROUTES_PER_CREATE, { message: `routes must have at most ${MAX_ROUTES_PER_CREATE} entries; add more with addBridgeRoute` })
  @ValidateNested()
  routes: BridgeRouteInput[] = [];
}

/** Changes to a bridge; omitted fields keep their value. The slug never changes. */
@InputType({ description: 'Changes to a bridge; omitted fields keep their value. The slug never changes.' })
export class UpdateBridgeInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsDisplayName()
  name?: string;

  @Field(() => BridgeKind, { nullable: true })
  kind?: BridgeKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 80, { message: 'provider must be 1 to 80 characters' })
  provider?: string;

  @Field(() => BridgeSecurityModel, { nullable: true })
  securityModel?: BridgeSecurityModel;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 500, { message: 'validatedBy must be 1 to 500 characters' })
  validatedBy?: string;

  @Field(() => Boolean, { nullable: true })
  arbitraryMessaging?: boolean;

  @Field(() => Boolean, { nullable: true })
  nativeTokenRequired?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(2, { message: SUPPORTED_CHAINS_MESSAGE })
  @Max(10_000, { message: SUPPORTED_CHAINS_MESSAGE })
  supportedChainsCount?: number;

  @Field(() => ID, { nullable: true, description: 'Null removes the operator.' })
  operatorPartnerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Null clears it.' })
  @IsWebUrl()
  websiteUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Null clears it.' })
  @IsWebUrl()
  docsUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Null clears them.' })
  @IsOptional()
  @Length(1, 2000, { message: 'notes must be 1 to 2000 characters' })
  notes?: string | null;

  @Field(() => BridgeLifecycle, { nullable: true })
  status?: BridgeLifecycle;
}

/** Two chains, in either order. */
@InputType({ description: 'Two chains, in either order.' })
export class ChainPairInput {
  @Field(() => ID)
  chainA!: string;

  @Field(() => ID)
  chainB!: string;
}

/** Which bridges a list returns. */
@InputType({ description: 'Which bridges a list returns; all conditions must hold.' })
export class BridgeFilter {
  @Field(() => ID, { nullable: true, description: 'Only bridges with a route from or to this chain, or a contract on it.' })
  chainId?: string;

  @Field(() => ChainPairInput, { nullable: true, description: 'Only bridges with a route between these two chains, in either direction.' })
  @IsOptional()
  @ValidateNested()
  betweenChains?: ChainPairInput;

  @Field(() => [BridgeKind], { nullable: true })
  kinds?: BridgeKind[];

  @Field(() => [BridgeSecurityModel], { nullable: true })
  securityModels?: BridgeSecurityModel[];

  @Field(() => [BridgeLifecycle], { nullable: true })
  statuses?: BridgeLifecycle[];

  @Field(() => ID, { nullable: true, description: 'Only bridges this partner operates.' })
  operatorPartnerId?: string;

  @Field(() => String, { nullable: true, description: 'Case-insensitive match on name, slug or provider.' })
  @IsSearchText()
  search?: string;

  @Field({ defaultValue: false, description: 'Include archived bridges.' })
  includeArchived: boolean = false;
}
