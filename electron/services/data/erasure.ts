import type { ParsedInput } from '../../../shared/contract';
import { ApiError } from '../../../shared/errors';
import type { ErasurePreview, ErasureResult } from '../../../shared/study';
import { appendAudit } from '../../db/repositories/audit';
import { applyErasureRegister, findRespondentToErase, flushWal, registerErasure, secureDelete } from '../../db/repositories/erasures';
import type { ServiceContext } from '../context';
import { listBackups } from './backups';
import { requireNetwork } from '../administration/networks';

/**
 * Erasure on request (AVG/GDPR, *recht op vergetelheid*): one respondent's code, responses and
 * answers in every wave of a network are deleted. The audit log records that an erasure happened,
 * never the code; the erasure register keeps the erased ids (only ids) so a study file or a
 * restored backup cannot bring the person back. Backups made before the erasure still hold the
 * data; they are listed so the researcher can remove them.
 */

function requireRespondent(ctx: ServiceContext, networkId: string, code: string) {
  const network = requireNetwork(ctx, networkId);
  const respondent = findRespondentToErase(ctx.db, networkId, code);
  if (!respondent) {
    throw new ApiError('NOT_FOUND', `Respondentcode ${code} komt in netwerk ${network.name} niet voor. Controleer de code; er is niets gewist.`);
  }
  return { network, respondent };
}

export function previewErasure(ctx: ServiceContext, input: ParsedInput<'previewErasure'>): ErasurePreview {
  const { network, respondent } = requireRespondent(ctx, input.networkId, input.respondentCode);
  return {
    networkName: network.name,
    respondentCode: respondent.code,
    responses: respondent.responses.map((r) => ({ waveLabel: r.waveLabel, status: r.status })),
  };
}

export function eraseRespondent(ctx: ServiceContext, input: ParsedInput<'eraseRespondent'>): ErasureResult {
  if (input.confirmCode !== input.respondentCode) {
    throw new ApiError('VALIDATION', 'De bevestiging komt niet overeen met de respondentcode. Typ de code nog een keer precies over; er is niets gewist.');
  }
  const { respondent } = requireRespondent(ctx, input.networkId, input.respondentCode);
  const db = ctx.db;
  // Deleted rows are overwritten with zeros, and the WAL is emptied afterwards, so the erased
  // answers do not linger in free space of the file.
  secureDelete(db);
  const erased = db
    .transaction(() => {
      const now = ctx.now();
      for (const r of respondent.responses) registerErasure(db, { id: r.id, kind: 'response', networkId: respondent.networkId, erasedAt: now, deviceId: ctx.deviceId });
      registerErasure(db, { id: respondent.id, kind: 'respondent', networkId: respondent.networkId, erasedAt: now, deviceId: ctx.deviceId });
      const result = applyErasureRegister(db);
      // That an erasure happened, and when; not whose, and not what.
      appendAudit(db, ctx.deviceId, { action: 'respondent.erased', entity: 'respondent', entityId: null }, now);
      return result.responses;
    })
    .immediate();
  try {
    db.exec('VACUUM');
    flushWal(db);
  } catch (err) {
    console.error('Na het wissen kon het bestand niet worden opgeschoond', err);
  }
  return { erasedResponses: erased, backupsBeforeErasure: listBackups(ctx).backups.filter((b) => b.beforeErasure) };
}
