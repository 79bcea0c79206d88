import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The stylesheets use no CSS nesting, so a style rule inside another style rule can only be a
 * brace left open (by a merge, say): CSS nesting makes it valid, no build step complains, and every
 * later rule silently applies only inside the open one. Each rule must open at the top level or
 * directly inside an at-rule (@media, @supports, …).
 */
const renderer = join(__dirname, '../../renderer');

function stylesheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : stylesheets(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/** The selectors of style rules opened inside another style rule, with their line; and whether the braces balance. */
function nestedRules(css: string): { nested: string[]; balanced: boolean } {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' ')).replace(/"[^"\n]*"|'[^'\n]*'/g, (s) => ' '.repeat(s.length));
  const open: ('at' | 'style')[] = [];
  const nested: string[] = [];
  let prelude = '';
  let line = 1;
  for (const char of text) {
    if (char === '\n') line += 1;
    if (char === '{') {
      const kind = prelude.trim().startsWith('@') ? 'at' : 'style';
      if (kind === 'style' && open.at(-1) === 'style') nested.push(`line ${line}: ${prelude.trim().split('\n').at(-1)}`);
      open.push(kind);
      prelude = '';
    } else if (char === '}') {
      if (open.pop() === undefined) return { nested, balanced: false };
      prelude = '';
    } else if (char === ';') prelude = '';
    else prelude += char;
  }
  return { nested, balanced: open.length === 0 };
}

describe('the stylesheets', () => {
  const files = stylesheets(renderer);

  it('are found', () => expect(files.length).toBeGreaterThan(3));

  it.each(files.map((f) => [relative(renderer, f), f]))('%s closes every rule before the next begins', (_, file) => {
    expect(nestedRules(readFileSync(file, 'utf8'))).toEqual({ nested: [], balanced: true });
  });

  it('would notice the brace a merge left open', () => {
    expect(nestedRules('.a {\n  margin: 0;\n.b {\n  padding: 0;\n}\n')).toEqual({ nested: ['line 3: .b'], balanced: false });
    expect(nestedRules('@media print {\n  .a { margin: 0; }\n}\n/* { */ .c::after { content: "}"; }\n')).toEqual({ nested: [], balanced: true });
  });
});
