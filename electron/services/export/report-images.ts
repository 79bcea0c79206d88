import { deflateSync } from 'node:zlib';
import { crc32 } from './zip';

/** A chart of a running report: PNG bytes, checked, with the size read from its header. */
export interface ReportImage {
  bytes: Buffer;
  width: number;
  height: number;
}

/** The pictures of one report by imageId. */
export type ReportImages = ReadonlyMap<string, ReportImage>;

/** The height that keeps a picture's proportions at a given width (in any unit). */
export function heightFor(image: ReportImage, width: number): number {
  return (width * image.height) / image.width;
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One PNG chunk: length, type, data, CRC-32 of type and data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A 1 × 1 PNG that stands in for a picture while a library builds the file, different for every
 * imageId (a text chunk names it): the library then hashes and compresses a few bytes instead of a
 * chart, and the real picture is put in its place afterwards (report-docx.ts).
 */
export function placeholderPng(imageId: string): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]); // 1 × 1, 8-bit grey
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr),
    pngChunk('tEXt', Buffer.from(`Netwerkspiegel\0${imageId}`, 'latin1')),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 255]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
