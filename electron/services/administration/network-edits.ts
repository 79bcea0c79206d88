import type { ParsedInput } from '../../../shared/contract';
import type { Network, Organisation, Wave } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { appendAudit } from '../../db/repositories/audit';
import * as repo from '../../db/repositories/networks';
import { registerOrganisationRemoval } from '../../db/repositories/organisation-removals';
import type { ServiceContext } from '../context';
import { kioskWaveId } from './kiosk';
import { readMeeting } from '../meeting/meeting-store';
import { requireNetwork, requireWave } from './networks';

/**
 * Corrections of what a researcher set up: a network's name and description, a partner
 * organisation (name, sector, size, joining and leaving, the participants expected of it), a
 * wave's label and planned date, and closing and reopening a wave. Each change is one transaction
 * with its audit entry, and records the moment and this device on the row, so a study file
 * carries it and the later change wins on every laptop (study-record-updates.ts).
 */

export function requireOrganisation(ctx: ServiceContext, organisationId: string): Organisation {
  const org = repo.findOrganisation(ctx.db, organisationId);
  if (!org) throw new ApiError('NOT_FOUND', 'Deze organisatie bestaat niet (meer). Kies een organisatie uit de lijst.');
  return org;
}

/** `{from, to}` for the audit log when a name changed, else nothing. */
const renamed = (from: string, to: string) => (from === to ? {} : { from, to });

export function updateNetwork(ctx: ServiceContext, input: ParsedInput<'updateNetwork'>): Network {
  return ctx.db.transaction(() => {
    const before = requireNetwork(ctx, input.networkId);
    if (repo.networkNameTaken(ctx.db, input.name, input.networkId)) {
      throw new ApiError('CONFLICT', `Er is al een netwerk met de naam "${input.name}". Kies een andere naam; er is niets gewijzigd.`);
    }
    const now = ctx.now();
    repo.updateNetwork(ctx.db, ctx.deviceId, { networkId: input.networkId, name: input.name, description: input.description || null }, now);
    appendAudit(ctx.db, ctx.deviceId, { action: 'network.updated', entity: 'network', entityId: input.networkId, details: renamed(before.name, input.name) }, now);
    return requireNetwork(ctx, input.networkId);
  }).immediate();
}

export function updateOrganisation(ctx: ServiceContext, input: ParsedInput<'updateOrganisation'>): Organisation {
  return ctx.db.transaction(() => {
    const before = requireOrganisation(ctx, input.organisationId);
    if (repo.organisationNameTaken(ctx.db, before.networkId, input.name, before.id)) {
      throw new ApiError('CONFLICT', `Er is in dit netwerk al een organisatie met de naam "${input.name}". Kies een andere naam; er is niets gewijzigd.`);
    }
    const now = ctx.now();
    repo.updateOrganisation(ctx.db, ctx.deviceId, input, now);
    appendAudit(
      ctx.db,
      ctx.deviceId,
      { action: 'organisation.updated', entity: 'organisation', entityId: before.id, details: renamed(before.name, input.name) },
      now,
    );
    return requireOrganisation(ctx, before.id);
  }).immediate();
}

export function archiveOrganisation(ctx: ServiceContext, input: ParsedInput<'archiveOrganisation'>): Organisation {
  return ctx.db.transaction(() => {
    const before = requireOrganisation(ctx, input.organisationId);
    if (before.archived === input.archived) return before;
    const now = ctx.now();
    repo.setOrganisationArchived(ctx.db, ctx.deviceId, before.id, input.archived, now);
    appendAudit(ctx.db, ctx.deviceId, { action: input.archived ? 'organisation.archived' : 'organisation.restored', entity: 'organisation', entityId: before.id }, now);
    return requireOrganisation(ctx, before.id);
  }).immediate();
}

export function removeOrganisation(ctx: ServiceContext, input: ParsedInput<'removeOrganisation'>): { removed: true } {
  return ctx.db.transaction(() => {
    const org = requireOrganisation(ctx, input.organisationId);
    if (org.inUse) {
      throw new ApiError(
        'CONFLICT',
        `Organisatie "${org.name}" heeft al ingevulde vragenlijsten of respondenten, of wordt genoemd in antwoorden over partners, en kan daarom niet worden verwijderd. Archiveer haar: dan is ze niet meer te kiezen, maar blijft ze in de resultaten en exports.`,
      );
    }
    const now = ctx.now();
    repo.deleteOrganisation(ctx.db, org.id);
    // The register travels in study files, so a laptop that still has the organisation does not bring it back.
    registerOrganisationRemoval(ctx.db, { id: org.id, networkId: org.networkId, removedAt: now, deviceId: ctx.deviceId });
    // The log keeps the name: the organisation it names is gone.
    appendAudit(ctx.db, ctx.deviceId, { action: 'organisation.removed', entity: 'network', entityId: org.networkId, details: { from: org.name } }, now);
    return { removed: true as const };
  }).immediate();
}

export function updateWave(ctx: ServiceContext, input: ParsedInput<'updateWave'>): Wave {
  return ctx.db.transaction(() => {
    const before = requireWave(ctx, input.waveId);
    if (repo.waveLabelTaken(ctx.db, before.networkId, input.label, before.id)) {
      throw new ApiError('CONFLICT', `Dit netwerk heeft al een meting "${input.label}". Kies een andere naam; er is niets gewijzigd.`);
    }
    const now = ctx.now();
    repo.updateWave(ctx.db, ctx.deviceId, input, now);
    appendAudit(ctx.db, ctx.deviceId, { action: 'wave.updated', entity: 'wave', entityId: before.id, details: { label: input.label, ...renamed(before.label, input.label) } }, now);
    return requireWave(ctx, before.id);
  }).immediate();
}

export function setWaveStatus(ctx: ServiceContext, input: ParsedInput<'setWaveStatus'>): Wave {
  return ctx.db.transaction(() => {
    const before = requireWave(ctx, input.waveId);
    if (input.status === 'closed' && kioskWaveId(ctx) === before.id) {
      throw new ApiError('CONFLICT', `Op meting ${before.label} loopt de afnamemodus. Verlaat eerst de afnamemodus met de pincode en sluit de meting daarna.`);
    }
    if (input.status === 'closed' && readMeeting(ctx.db)?.waveId === before.id) {
      throw new ApiError('CONFLICT', `Op meting ${before.label} loopt de bijeenkomstmodus. Beëindig eerst de bijeenkomstmodus en sluit de meting daarna; wat niet is ingeleverd, blijft bewaard.`);
    }
    if (before.status === input.status) return before;
    const now = ctx.now();
    repo.setWaveStatus(ctx.db, ctx.deviceId, before.id, input.status, now);
    appendAudit(ctx.db, ctx.deviceId, { action: input.status === 'closed' ? 'wave.closed' : 'wave.reopened', entity: 'wave', entityId: before.id, details: { label: before.label } }, now);
    return requireWave(ctx, before.id);
  }).immediate();
}
