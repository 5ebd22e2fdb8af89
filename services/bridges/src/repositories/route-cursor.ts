import { isUuid } from '@junction/db';
import { BadUserInputError } from '@junction/errors';
import type { BridgeRouteEntity } from '../entities/bridge-route.entity';

/** Where a page of the route search ends: the sort key of its last route. */
export type RouteCursor = Pick<BridgeRouteEntity, 'expectedDurationSeconds' | 'feeUsdMin' | 'feeUsdMax' | 'id'>;

/** The opaque cursor of a route in the route search order (duration, minimum fee, maximum fee, id). */
export function encodeRouteCursor({ expectedDurationSeconds, feeUsdMin, feeUsdMax, id }: RouteCursor): string {
  return Buffer.from(JSON.stringify([expectedDurationSeconds, feeUsdMin, feeUsdMax, id])).toString('base64url');
}

/** Reads a cursor issued by {@link encodeRouteCursor}; `BAD_USER_INPUT` on `after` for anything else. */
export function decodeRouteCursor(cursor: string): RouteCursor {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 4 &&
      Number.isInteger(decoded[0]) &&
      Number.isFinite(decoded[1]) &&
      Number.isFinite(decoded[2]) &&
      typeof decoded[3] === 'string' &&
      isUuid(decoded[3])
    ) {
      return { expectedDurationSeconds: decoded[0], feeUsdMin: decoded[1], feeUsdMax: decoded[2], id: decoded[3] };
    }
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError([{ field: 'after', message: 'is not a cursor this API issued; pass a pageInfo.endCursor' }]);
}
