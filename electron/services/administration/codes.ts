import { randomInt } from 'node:crypto';
import type { ParsedInput } from '../../../shared/contract';
import { makeAssignedCode } from '../../../shared/codes';
import type { AssignedCode } from '../../../shared/domain';
import { appendAudit } from '../../db/repositories/audit';
import { codeExists, insertRespondent, listAssignedCodes } from '../../db/repositories/responses';
import type { ServiceContext } from '../context';
import { requireNetwork } from './networks';

/** A batch of new pre-assigned codes for a network, unique within it, from a cryptographic random source. */
export function generateCodes(ctx: ServiceContext, input: ParsedInput<'generateCodes'>): { codes: string[] } {
  return ctx.db.transaction(() => {
    requireNetwork(ctx, input.networkId);
    const now = ctx.now();
    const codes: string[] = [];
    while (codes.length < input.count) {
      const code = makeAssignedCode((n) => randomInt(n));
      if (codeExists(ctx.db, input.networkId, code)) continue;
      insertRespondent(ctx.db, ctx.deviceId, { networkId: input.networkId, code, organisationId: null, codeKind: 'assigned' }, now);
      codes.push(code);
    }
    appendAudit(ctx.db, ctx.deviceId, { action: 'codes.generated', entity: 'network', entityId: input.networkId, details: { count: codes.length } }, now);
    return { codes };
  }).immediate();
}

export function listCodes(ctx: ServiceContext, networkId: string): AssignedCode[] {
  requireNetwork(ctx, networkId);
  return listAssignedCodes(ctx.db, networkId);
}
