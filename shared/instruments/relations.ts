import type { InstrumentDefinition, RelationItem } from './schema';

/**
 * Relation items (type `relation`): asked once for every partner organisation of the network but
 * the respondent's own. Zod-free, so the kiosk, the phone, the researcher's form, saving and the
 * partner-network results decide alike which questions were asked about which organisation.
 *
 * The one rule across items: an instrument with a frequency item ("how often do you work with …")
 * asks its trust and value items about an organisation only when the frequency answer for that
 * organisation is a scored option above the lowest one (above "nooit"). Someone who never works
 * with an organisation, or does not know it, is not asked to judge it; such an answer, if stored
 * anyway (asked before the frequency changed), counts nowhere.
 */

export const relationItemsOf = (def: Pick<InstrumentDefinition, 'items'>): RelationItem[] => def.items.filter((item): item is RelationItem => item.type === 'relation');

/** The partner organisations a respondent is asked about: all but their own, in the order given. */
export function partnersToAsk<O extends { id: string }>(organisations: readonly O[], ownOrganisationId: string | null): O[] {
  return organisations.filter((o) => o.id !== ownOrganisationId);
}

/** The frequency item of an instrument, if it has one. */
export const frequencyItemOf = (def: Pick<InstrumentDefinition, 'items'>): RelationItem | undefined => relationItemsOf(def).find((item) => item.dimension === 'frequency');

/**
 * Whether a frequency code means "works with them": a scored option above the scale's lowest.
 * Not-scored options ("ken ik niet") and the lowest ("nooit") do not.
 */
export function worksWith(def: Pick<InstrumentDefinition, 'scales'>, frequencyItem: RelationItem, code: number | null | undefined): boolean {
  if (code === null || code === undefined) return false;
  const options = def.scales.find((s) => s.id === frequencyItem.scale)?.options ?? [];
  const lowest = Math.min(...options.map((o) => o.code));
  return options.some((o) => o.code === code) && code > lowest;
}

/**
 * Whether `item` is asked about an organisation, given the respondent's frequency answer about it
 * (`frequencyCode`, undefined when not answered). The frequency item itself is always asked.
 */
export function relationAsked(def: Pick<InstrumentDefinition, 'items' | 'scales'>, item: RelationItem, frequencyCode: number | null | undefined): boolean {
  const frequency = frequencyItemOf(def);
  if (!frequency || item.dimension === 'frequency') return true;
  return worksWith(def, frequency, frequencyCode);
}

/** One relation answer: the value given about an organisation at one item. */
export interface RelationAnswerKey {
  instrumentId: string;
  itemId: string;
  organisationId: string;
}

export const relationAnswerKey = (a: RelationAnswerKey) => `${a.instrumentId}/${a.itemId}/${a.organisationId}`;

/** A stored relation answer as the answered-check reads it. */
export interface RelationAnswerOf extends RelationAnswerKey {
  value: number | null;
}

/**
 * Whether a relation item is answered about every organisation it asks about: every partner (all
 * but the respondent's own, `partnerIds`), and for a trust or value item those the respondent
 * works with by their frequency answer (`relationAsked`). An item asked about nobody is answered.
 */
export function relationItemAnswered(
  def: Pick<InstrumentDefinition, 'id' | 'items' | 'scales'>,
  item: RelationItem,
  partnerIds: readonly string[],
  answers: readonly RelationAnswerOf[],
): boolean {
  const values = new Map(answers.filter((a) => a.instrumentId === def.id && a.value !== null).map((a) => [`${a.itemId}/${a.organisationId}`, a.value]));
  const frequency = frequencyItemOf(def);
  return partnerIds.every((organisationId) => {
    const frequencyCode = frequency ? values.get(`${frequency.id}/${organisationId}`) : undefined;
    return !relationAsked(def, item, frequencyCode) || values.has(`${item.id}/${organisationId}`);
  });
}
