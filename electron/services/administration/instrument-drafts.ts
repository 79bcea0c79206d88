import type { InstrumentSummary } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { appendAudit } from '../../db/repositories/audit';
import * as repo from '../../db/repositories/instruments';
import type { ServiceContext } from '../context';
import { forgetCachedInstrument, parseDefinitionJson, summaryOf } from './instruments';

/**
 * Saves a questionnaire built in the app's editor. The definition passes the same schema as an
 * imported file. A new id@version is stored; an existing version nobody has answered yet (not
 * frozen) is replaced, with an audit entry, when the editor says it edits that version
 * (`replaceExisting`); a new questionnaire whose id and version are taken is refused. A frozen
 * version is refused and stays as it was, as are the built-in instruments (the editor copies those
 * under a new id).
 */
export function saveInstrumentDraft(ctx: ServiceContext, definitionJson: string, replaceExisting: boolean): InstrumentSummary {
  const def = parseDefinitionJson(definitionJson);
  return ctx.db
    .transaction(() => {
      const versions = repo.listInstruments(ctx.db).filter((i) => i.instrumentId === def.id);
      if (versions.some((v) => v.builtIn)) {
        throw new ApiError(
          'CONFLICT',
          `Vragenlijst ${def.id} is ingebouwd in Netwerkspiegel en kan niet worden gewijzigd. Kies bij de vragenlijst "Kopie bewerken" en geef de kopie een eigen id. Er is niets opgeslagen.`,
        );
      }
      const existing = versions.find((v) => v.version === def.version);
      if (existing?.frozen) {
        const next = Math.max(...versions.map((v) => v.version)) + 1;
        throw new ApiError(
          'CONFLICT',
          `Vragenlijst ${def.id} versie ${def.version} is al gebruikt in een meting en kan niet meer worden gewijzigd. Kies "Nieuwe versie maken" om uw wijzigingen op te slaan als versie ${next}. Er is niets opgeslagen.`,
        );
      }
      if (existing && !replaceExisting) {
        throw new ApiError(
          'CONFLICT',
          `Er is al een vragenlijst met id ${def.id} en versie ${def.version} (${existing.name.nl}). Geef uw vragenlijst een ander id. Er is niets opgeslagen.`,
        );
      }
      const now = ctx.now();
      const entityId = `${def.id}@${def.version}`;
      if (!existing) {
        repo.insertInstrumentIfMissing(ctx.db, ctx.deviceId, def, false, now);
        appendAudit(ctx.db, ctx.deviceId, { action: 'instrument.created', entity: 'instrument', entityId }, now);
      } else if (JSON.stringify(repo.getInstrument(ctx.db, def.id, def.version)) !== JSON.stringify(def)) {
        repo.replaceUnfrozenDefinition(ctx.db, def);
        forgetCachedInstrument(ctx, def.id, def.version);
        appendAudit(ctx.db, ctx.deviceId, { action: 'instrument.changed', entity: 'instrument', entityId }, now);
      }
      return summaryOf(ctx, def);
    })
    .immediate();
}
