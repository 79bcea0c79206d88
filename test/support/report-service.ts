import type { Input } from '../../shared/contract';
import type { Laptop } from './services';

/**
 * A report written the way the report screen does it: begin (the test's dialog answers a file in
 * its temp folder), the pictures in one batch, one file, end. Answers the written file's path.
 */
export async function writeReportFile(s: Laptop, networkId: string, content: Input<'writeReport'>['content'], images: ReadonlyMap<string, Buffer>, withOpenAnswers = true): Promise<string> {
  const r = await s.ok('beginReport', { networkId, format: content.format, target: 'file', suggestedName: 'Netwerkrapport Dementie Oost', withOpenAnswers });
  if (r.cancelled) throw new Error('cancelled');
  const list = [...images].map(([imageId, png]) => ({ imageId, png: png.toString('base64') }));
  for (let i = 0; i < list.length; i += 60) await s.ok('addReportImages', { reportId: r.reportId, images: list.slice(i, i + 60) });
  const { filePath } = await s.ok('writeReport', { reportId: r.reportId, content });
  await s.ok('endReport', { reportId: r.reportId });
  return filePath;
}
