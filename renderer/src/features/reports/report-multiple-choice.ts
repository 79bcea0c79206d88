import type { ReportBlock } from '../../../../shared/report';
import { formatCount } from '../dashboard/format';
import { tickedCell, tickedTables, type TickedWave } from '../dashboard/multiple-choice';
import { cellTexts, heading, left, paragraph, right, splitTable, type PartContext } from './report-parts';

/**
 * The select-all-that-apply questions as the results screen's "Meerkeuzevragen" shows them
 * (MultipleChoiceSection, from the same tickedTables of the Dashboard): per question a table with,
 * per option and wave, how many ticked it and their share of those who answered. A wave below the
 * minimum group (or without the question, or without answers) shows only why: no count at all.
 */
export function multipleChoiceBlocks(ctx: PartContext): ReportBlock[] {
  const { d, t, locale } = ctx;
  const tables = tickedTables(d, locale);
  if (tables.length === 0) return [];
  const texts = cellTexts(ctx);
  const withheld = (w: TickedWave) => w.absent || w.suppressed || w.answered === 0;
  const withheldText = (w: TickedWave) => (w.absent ? t('dashboard.distribution.absent') : w.suppressed ? texts.suppressed : texts.noAnswers);
  const blocks: ReportBlock[] = [heading(2, t('dashboard.multipleChoice.title')), paragraph(t('dashboard.multipleChoice.intro'), 'note')];
  for (const q of tables) {
    const waves = q.waves.map((w, i) => ({ w, i }));
    // The options, then who answered and who left it open, as on the screen.
    const rows = [...q.options.map((o) => [o.label]), [t('dashboard.multipleChoice.answered')], [t('dashboard.distribution.missing')]];
    blocks.push(
      heading(3, q.label),
      ...splitTable({
        t,
        caption: t('dashboard.multipleChoice.caption', { item: q.label }),
        lead: [left(t('dashboard.multipleChoice.answer'))],
        groups: waves,
        groupColumns: ({ w }) => [right(w.waveLabel)],
        rows,
        cells: (row, { w, i }) => {
          // A withheld wave says why once, in its first cell, and nothing else.
          if (withheld(w)) return [row === 0 ? withheldText(w) : ''];
          if (row < q.options.length) return [tickedCell(q.options[row]!.counts[i] ?? null, w.answered, locale)];
          return [formatCount(row === q.options.length ? w.answered : w.missing, locale)];
        },
        note: q.question,
      }),
    );
  }
  return blocks;
}
