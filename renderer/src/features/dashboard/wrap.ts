/**
 * Breaking a label into lines for an SVG picture, which does not wrap text by itself. Pure: it
 * counts characters, not pixels, so `maxChars` should be the width divided by about 0.55 times the
 * font size. Words stay whole unless one alone is longer than a line; text beyond `maxLines` is cut
 * with an ellipsis (the table next to every chart carries the full label).
 */
export function wrapLabel(text: string, maxChars: number, maxLines = Number.POSITIVE_INFINITY): string[] {
  const width = Math.max(1, Math.floor(maxChars));
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    let rest = word;
    if (line !== '' && line.length + 1 + rest.length <= width) {
      line = `${line} ${rest}`;
      continue;
    }
    if (line !== '') lines.push(line);
    while (rest.length > width) {
      lines.push(`${rest.slice(0, width - 1)}-`);
      rest = rest.slice(width - 1);
    }
    line = rest;
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  // Room for the ellipsis: drop the last word of a full line, or cut a single word.
  const space = last.lastIndexOf(' ');
  kept[maxLines - 1] = `${last.length < width ? last : space > 0 ? last.slice(0, space) : last.slice(0, width - 1)}…`;
  return kept;
}
