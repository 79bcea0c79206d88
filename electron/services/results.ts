import type { ParsedInput } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import type { Dashboard, NetworkComparison } from '../../shared/results';
import type { ServiceContext } from './context';

// Placeholder until the results service lands (issue 4).
export function getDashboard(_ctx: ServiceContext, _input: ParsedInput<'getDashboard'>): Dashboard {
  throw new ApiError('INTERNAL', 'De resultaten zijn nog niet beschikbaar.');
}

export function compareNetworks(_ctx: ServiceContext, _input: ParsedInput<'compareNetworks'>): NetworkComparison {
  throw new ApiError('INTERNAL', 'De vergelijking is nog niet beschikbaar.');
}
