import { describe, expect, it } from 'vitest';
import { controlCharacterMessage, isPlainLine, isPlainParagraphs, multilineText, plainText } from '../../shared/text-rules';

const char = (code: number) => String.fromCharCode(code);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('the control character rule', () => {
  it('refuses every C0 control, DEL and every C1 control in a one-line text', () => {
    // U+0000–U+001F, U+007F–U+009F: 32 + 33 = 65 characters, each refused inside a word.
    const controls = [...range(0x00, 0x1f), ...range(0x7f, 0x9f)];
    expect(controls).toHaveLength(65);
    for (const code of controls) expect(isPlainLine(`Zorg${char(code)}netwerk`), `U+${code.toString(16)}`).toBe(false);
  });

  it('accepts the characters right next to the control ranges, accents, emoji and Dutch quotes', () => {
    // U+0020 space, U+007E tilde, U+00A0 no-break space, U+00A1 ¡: the neighbours of the ranges.
    for (const text of [' ', '~', '\u00a0', '¡', 'Coördinatie ‘dementie’ – €5', 'Team 👩‍⚕️ noord', 'IJsselland']) {
      expect(isPlainLine(text), JSON.stringify(text)).toBe(true);
      expect(isPlainParagraphs(text), JSON.stringify(text)).toBe(true);
    }
  });

  it('allows newline, tab and other line ends only where paragraphs belong', () => {
    for (const text of ['regel 1\nregel 2', 'kolom\tkolom', 'regel 1\r\nregel 2', 'regel 1\rregel 2']) {
      expect(isPlainLine(text), JSON.stringify(text)).toBe(false);
      expect(isPlainParagraphs(text), JSON.stringify(text)).toBe(true);
    }
    // The other controls stay refused, vertical tab (a Word line break) and form feed included.
    for (const text of ['a\u000bb', 'a\u000cb', 'a\u0000b', 'a\u001bb', 'a\u007fb', 'a\u0085b']) {
      expect(isPlainParagraphs(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('refuses a lone half of a surrogate pair, but not a whole pair', () => {
    const smile = '😀'; // U+1F600 = \uD83D\uDE00
    expect(smile).toBe('\uD83D\uDE00');
    for (const text of ['a\uD83Db', 'a\uDE00b', '\uD83D', '\uDE00\uD83D', `${smile}\uD83D`]) {
      expect(isPlainLine(text), JSON.stringify(text)).toBe(false);
      expect(isPlainParagraphs(text), JSON.stringify(text)).toBe(false);
    }
    expect(isPlainLine(`a${smile}b${smile}`)).toBe(true);
  });

  it('gives zod fields that refuse with the Dutch sentence, and chain like z.string()', () => {
    const name = plainText().trim().min(1).max(10);
    const result = name.safeParse('Noord\u0000');
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues[0]).toMatchObject({ code: 'custom', params: { textRule: 'control-character' } });
      expect(result.error.issues[0]!.message).toBe(
        'Deze tekst bevat een onzichtbaar stuurteken. Verwijder het (bijvoorbeeld door de tekst opnieuw te typen) en probeer het opnieuw.',
      );
    }
    expect(name.parse('  Noord  ')).toBe('Noord');
    expect(multilineText().parse('Eerste alinea.\n\nTweede alinea.')).toBe('Eerste alinea.\n\nTweede alinea.');
    expect(controlCharacterMessage('naam van de meting')).toBe(
      'Naam van de meting bevat een onzichtbaar stuurteken. Verwijder het (bijvoorbeeld door de tekst opnieuw te typen) en probeer het opnieuw.',
    );
  });
});
