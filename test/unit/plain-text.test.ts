import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { studyNetworkRow, studyRespondentRow, studyWaveRow } from '../../shared/study';
import { isControlCharacterIssue, isPlainLine, isPlainParagraphs, refusingControlCharacters } from '../../shared/text-rules';

/**
 * The one rule for control characters in stored text (shared/text-rules.ts), and the study file's rows
 * following the API's own field rules. Known answers: the characters below are C0 (U+0000–U+001F),
 * DEL (U+007F) and C1 (U+0080–U+009F) controls; é (U+00E9), the no-break space (U+00A0) and € are not.
 */

describe('the control-character rule', () => {
  it('finds every C0 control, DEL and every C1 control in a single line', () => {
    for (let c = 0; c < 0x20; c++) expect(isPlainLine(`a${String.fromCharCode(c)}b`), `U+${c.toString(16)}`).toBe(false);
    expect(isPlainLine('a\u007fb')).toBe(false);
    for (let c = 0x80; c <= 0x9f; c++) expect(isPlainLine(`a${String.fromCharCode(c)}b`), `U+${c.toString(16)}`).toBe(false);
  });

  it('lets a field of several lines hold tabs and line breaks, and nothing else of those', () => {
    expect(isPlainParagraphs('regel 1\nregel 2\r\n\tingesprongen')).toBe(true);
    expect(isPlainLine('regel 1\nregel 2')).toBe(false);
    expect(isPlainParagraphs('nul\u0000teken')).toBe(false);
    expect(isPlainParagraphs('escape\u001b[31m')).toBe(false);
  });

  it('leaves ordinary text alone, accents, the no-break space and symbols included', () => {
    expect(isPlainLine('Café Noord\u00a0– 5 € · ‘t Gooi')).toBe(true);
    expect(isPlainLine('')).toBe(true);
  });
});

describe('refusingControlCharacters', () => {
  it('refuses control characters with an issue marked as such, and keeps the field’s own rules', () => {
    const name = refusingControlCharacters(z.string().trim().min(1).max(10));
    const refused = name.safeParse('a\u0000b');
    expect(refused.success).toBe(false);
    expect(isControlCharacterIssue(refused.error!.issues[0] as { code: string; params?: Record<string, unknown> })).toBe(true);
    expect(name.safeParse('  Noord  ')).toEqual({ success: true, data: 'Noord' });
    expect(name.safeParse('elf tekens!').success).toBe(false);
    expect(refusingControlCharacters(z.string().nullable()).safeParse(null).success).toBe(true);
  });
});

describe('study file rows follow the API’s field rules', () => {
  const base = { id: '11111111-2222-4333-8444-555555555555', created_at: '2026-03-01T10:00:00.000Z', updated_at: '2026-03-01T10:00:00.000Z', device_id: '11111111-2222-4333-8444-666666666666' };

  it('a network: a minimum group size of at least 3, and a description of several lines', () => {
    const network = { ...base, name: 'Alpha', description: 'Regel 1\nRegel 2', min_group_size: 3, consent_nl: null, consent_en: null, code_policy: 'free', idle_seconds: 180 };
    expect(studyNetworkRow.safeParse(network).success).toBe(true);
    expect(studyNetworkRow.safeParse({ ...network, min_group_size: 2 }).success).toBe(false);
    expect(studyNetworkRow.safeParse({ ...network, name: 'Al\npha' }).success).toBe(false);
    expect(studyNetworkRow.safeParse({ ...network, name: '   ' }).success).toBe(false);
  });

  it('a wave: a planned date and times that exist', () => {
    const wave = { ...base, network_id: base.id, label: 'T0', kind: 'T0', planned_date: '2028-02-29', status: 'open' };
    expect(studyWaveRow.safeParse(wave).success).toBe(true);
    expect(studyWaveRow.safeParse({ ...wave, planned_date: '2026-02-29' }).success).toBe(false);
    expect(studyWaveRow.safeParse({ ...wave, planned_date: '2026-99-99' }).success).toBe(false);
    expect(studyWaveRow.safeParse({ ...wave, created_at: '2026-04-31T10:00:00Z' }).success).toBe(false);
    expect(studyWaveRow.safeParse({ ...wave, created_at: '2026-04-30T24:00:00Z' }).success).toBe(false);
    expect(studyWaveRow.safeParse({ ...wave, created_at: '2026-04-30T23:59:59+02:00' }).success).toBe(true);
  });

  it('a respondent: the code as the API writes it (capitals), other texts on one line', () => {
    const respondent = { ...base, network_id: base.id, code: 'abc-123', code_kind: 'free', organisation_id: null, role_group: null, discipline: null };
    expect(studyRespondentRow.parse(respondent).code).toBe('ABC-123');
    expect(studyRespondentRow.safeParse({ ...respondent, discipline: 'Wijk\tverpleging' }).success).toBe(false);
  });
});
