import type { ParsedInput } from '../../../shared/contract';
import type { Network, NetworkDetail, Organisation, Wave } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { appendAudit } from '../../db/repositories/audit';
import { getInstrument } from '../../db/repositories/instruments';
import * as repo from '../../db/repositories/networks';
import type { ServiceContext } from '../context';

export function requireNetwork(ctx: ServiceContext, networkId: string): Network {
  const network = repo.getNetwork(ctx.db, networkId);
  if (!network) throw new ApiError('NOT_FOUND', 'Dit netwerk bestaat niet (meer). Kies een netwerk uit de lijst.');
  return network;
}

export function requireOrganisationIn(ctx: ServiceContext, networkId: string, organisationId: string): Organisation {
  const org = repo.findOrganisation(ctx.db, organisationId);
  if (!org || org.networkId !== networkId) {
    throw new ApiError('NOT_FOUND', 'Deze organisatie hoort niet bij dit netwerk. Kies een organisatie uit de lijst.');
  }
  return org;
}

export function requireWave(ctx: ServiceContext, waveId: string): Wave {
  const wave = repo.getWave(ctx.db, waveId);
  if (!wave) throw new ApiError('NOT_FOUND', 'Deze meting bestaat niet (meer). Kies een meting uit de lijst.');
  return wave;
}

export function createNetwork(ctx: ServiceContext, input: ParsedInput<'createNetwork'>): Network {
  return ctx.db.transaction(() => {
    const now = ctx.now();
    const network = repo.insertNetwork(ctx.db, ctx.deviceId, { name: input.name, description: input.description || null, kioskStop: input.kioskStop }, now);
    appendAudit(ctx.db, ctx.deviceId, { action: 'network.created', entity: 'network', entityId: network.id }, now);
    return network;
  })();
}

export function getNetworkDetail(ctx: ServiceContext, networkId: string): NetworkDetail {
  const network = requireNetwork(ctx, networkId);
  return { network, organisations: repo.listOrganisations(ctx.db, networkId), waves: repo.listWaves(ctx.db, networkId), occasionWaves: repo.listOccasionWaves(ctx.db, networkId) };
}

export function addOrganisation(ctx: ServiceContext, input: ParsedInput<'addOrganisation'>): Organisation {
  return ctx.db.transaction(() => {
    requireNetwork(ctx, input.networkId);
    if (repo.organisationNameTaken(ctx.db, input.networkId, input.name)) {
      throw new ApiError('CONFLICT', `Er is in dit netwerk al een organisatie met de naam "${input.name}". Kies een andere naam.`);
    }
    const now = ctx.now();
    const org = repo.insertOrganisation(ctx.db, ctx.deviceId, input, now);
    appendAudit(ctx.db, ctx.deviceId, { action: 'organisation.created', entity: 'organisation', entityId: org.id }, now);
    return org;
  })();
}

export function updateNetworkSettings(ctx: ServiceContext, input: ParsedInput<'updateNetworkSettings'>): Network {
  return ctx.db.transaction(() => {
    requireNetwork(ctx, input.networkId);
    const now = ctx.now();
    repo.updateNetworkSettings(ctx.db, { ...input, consentNl: input.consentNl || null, consentEn: input.consentEn || null }, now);
    appendAudit(ctx.db, ctx.deviceId, { action: 'network.settings_changed', entity: 'network', entityId: input.networkId }, now);
    return requireNetwork(ctx, input.networkId);
  }).immediate();
}

export function createWave(ctx: ServiceContext, input: ParsedInput<'createWave'>): Wave {
  return ctx.db.transaction(() => {
    requireNetwork(ctx, input.networkId);
    if (repo.waveLabelTaken(ctx.db, input.networkId, input.label)) {
      throw new ApiError('CONFLICT', `Dit netwerk heeft al een meting "${input.label}". Kies een andere naam.`);
    }
    const ids = input.instruments.map((r) => r.instrumentId);
    if (new Set(ids).size !== ids.length) throw new ApiError('VALIDATION', 'Elke vragenlijst mag maar één keer in een meting voorkomen.');
    for (const ref of input.instruments) {
      if (!getInstrument(ctx.db, ref.instrumentId, ref.version)) {
        throw new ApiError('NOT_FOUND', `Vragenlijst ${ref.instrumentId} versie ${ref.version} bestaat niet. Kies een vragenlijst uit de lijst.`);
      }
    }
    const now = ctx.now();
    const wave = repo.insertWave(ctx.db, ctx.deviceId, input, now);
    appendAudit(ctx.db, ctx.deviceId, { action: 'wave.created', entity: 'wave', entityId: wave.id, details: { label: wave.label } }, now);
    return wave;
  })();
}
