import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES, type MethodName } from '../../shared/contract';
import { fieldNames } from '../../electron/services/validation';
import { defOf, fieldsOf, limitsOf, objectsOf, sampleOf, withValue, type Field } from '../support/contract-schema';
import { snapshot, useServices } from '../support/services';

const open = useServices();

/**
 * What zod says in English, and what its Dutch locale still says in type talk ("verwacht dat
 * string <=64", "ontving getal", "Onbekende key"). None of it may reach a person.
 */
const ZOD_JARGON =
  /\b(expected|string|number|int|array|received|invalid|too big|too small|keys?|object|boolean|undefined|null|record|enum|literal|union|nan|instanceof|input|element|elementen|verwacht|ontving|safeint|regex|uuid|ISO)\b|<=|>=|\/\^/i;

/** Every key any method's input has, from the schemas themselves. */
const allFields = METHOD_NAMES.flatMap((method) => fieldsOf(contract[method].input).map((field) => ({ method, field })));
const allKeys = [...new Set(allFields.map(({ field }) => field.key))].sort();
/** Keys that are a Dutch word too, and may appear in a Dutch sentence as themselves. */
const DUTCH_ALREADY = new Set(['sector']);
const RAW_KEYS = new RegExp(`\\b(${allKeys.filter((k) => !DUTCH_ALREADY.has(k)).join('|')})\\b`);

/** One field broken at a time, each in the ways zod can refuse it. */
function breaksOf(field: Field): [kind: string, value: unknown][] {
  const def = defOf(field.schema);
  const { min, max } = limitsOf(field.schema);
  const out: [string, unknown][] = [];
  switch (def.type) {
    case 'string':
      out.push(['wrong type', 12345], ['a control character', 'Te\u0000kst']);
      if (max !== undefined) out.push(['too long', 'x'.repeat(max + 1)]);
      if (min !== undefined && min > 0) out.push(['too short', 'x'.repeat(min - 1)]);
      if (def.format) out.push(['malformed', 'geen-vorm']);
      break;
    case 'number':
      out.push(['wrong type', 'twaalf'], ['a fraction', 1.5]);
      if (max !== undefined) out.push(['too big', max + 1]);
      if (min !== undefined) out.push(['too small', min - 1]);
      break;
    case 'boolean':
      out.push(['wrong type', 'ja']);
      break;
    case 'enum':
      out.push(['an unknown choice', 'onbekend'], ['wrong type', 42]);
      break;
    case 'literal':
      out.push(['another value', 'iets anders']);
      break;
    case 'array':
      out.push(['wrong type', 'lijst']);
      if (max !== undefined) out.push(['too many', Array.from({ length: max + 1 }, () => sampleOf(defOf(field.schema).element!, field.key, true))]);
      if (min !== undefined && min > 0) out.push(['too few', []]);
      break;
    case 'object':
      out.push(['wrong type', 'groep']);
      break;
  }
  if (!field.optional) out.push(['missing', undefined]);
  return out;
}

describe('the contract in Dutch', () => {
  it('has a Dutch name for every field of every method', () => {
    const missing = allKeys.filter((key) => !fieldNames[key] || (fieldNames[key] === key && !DUTCH_ALREADY.has(key)));
    expect(missing).toEqual([]);
    for (const key of allKeys) expect(fieldNames[key], key).not.toMatch(ZOD_JARGON);
  });

  it('builds a valid input for every method from its schema (the base the breaking below starts from)', () => {
    for (const method of METHOD_NAMES) {
      for (const full of [false, true]) {
        const result = contract[method].input.safeParse(sampleOf(contract[method].input, '', full));
        expect(result.success ? [] : result.error.issues, `${method} (${full ? 'every field' : 'required fields'})`).toEqual([]);
      }
    }
  });

  it.each(METHOD_NAMES)('%s: every way of breaking each field is refused in Dutch, naming the field, and writes nothing', async (method: MethodName) => {
    const s = open();
    const before = snapshot(s.db);
    const schema = contract[method].input;
    const base = sampleOf(schema, '', true);
    const cases: { what: string; input: unknown; field: string | null }[] = [
      ...fieldsOf(schema).flatMap((field) =>
        breaksOf(field).map(([kind, value]) => ({ what: `${field.path.join('.')}: ${kind}`, input: withValue(base, field.path, value), field: fieldNames[field.key]! })),
      ),
      ...objectsOf(schema).map((path) => ({ what: `${path.join('.') || 'input'}: an unknown field`, input: withValue(base, [...path, 'onbekendVeld'], 1), field: null })),
    ];
    expect(cases.length).toBeGreaterThan(0);
    for (const { what, input, field } of cases) {
      const result = await s.dispatch(method, input);
      expect(result.ok, what).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, what).toBe('VALIDATION');
      expect(result.error.message, what).not.toMatch(ZOD_JARGON);
      expect(result.error.message, what).not.toMatch(RAW_KEYS);
      expect(result.error.message, what).toMatch(/[.]$/);
      if (field) expect(result.error.message.toLowerCase(), what).toContain(field.toLowerCase());
      else expect(result.error.message, what).toContain('onbekend veld onbekendVeld');
    }
    expect(snapshot(s.db)).toEqual(before);
  });
});
