import { crc32 as zlibCrc32 } from 'node:zlib';

/**
 * Zip files (the container of .xlsx, .docx and .pptx): writing entries that are already compressed
 * (deflate, method 8) or stored as they are (method 0, for PNG pictures, which deflate cannot make
 * smaller), and reading a zip's entries as they are stored, without inflating them.
 */

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export function crc32(data: Uint8Array, previous = 0): number {
  if (typeof zlibCrc32 === 'function') return zlibCrc32(data, previous);
  let c = ~previous;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** One entry as it goes into the zip: its data already in its final form (`chunks`, deflated or stored). */
export interface ZipEntry {
  readonly name: string;
  /** 8: deflate; 0: stored. */
  readonly method: 0 | 8;
  readonly chunks: readonly Uint8Array[];
  readonly crc: number;
  /** Bytes before compression. */
  readonly size: number;
  readonly compressedSize: number;
}

/** An entry stored as it is (method 0). */
export function storedEntry(name: string, bytes: Uint8Array): ZipEntry {
  return { name, method: 0, chunks: [bytes], crc: crc32(bytes), size: bytes.length, compressedSize: bytes.length };
}

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * The fields a zip entry's local header (from byte 6) and its central directory record (from byte
 * 8) share, in the same order: flags (UTF-8 names), method, time, date, CRC-32, both sizes and the
 * length of the name. Extra-field lengths stay 0 from the zeroed buffer.
 */
function writeEntryFields(buffer: Buffer, at: number, e: ZipEntry, nameLength: number, time: number, date: number): void {
  buffer.writeUInt16LE(0x0800, at);
  buffer.writeUInt16LE(e.method, at + 2);
  buffer.writeUInt16LE(time, at + 4);
  buffer.writeUInt16LE(date, at + 6);
  buffer.writeUInt32LE(e.crc >>> 0, at + 8);
  buffer.writeUInt32LE(e.compressedSize, at + 12);
  buffer.writeUInt32LE(e.size, at + 16);
  buffer.writeUInt16LE(nameLength, at + 20);
}

export function zip(entries: readonly ZipEntry[], when: Date): Buffer {
  const { time, date } = dosDateTime(when);
  const parts: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    // The local header: signature, version needed (2.0), the entry's fields, no extra field.
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    writeEntryFields(local, 6, e, name.length, time, date);
    // The central directory record: signature, made by and needed (2.0), the same fields, where the entry starts.
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    writeEntryFields(header, 8, e, name.length, time, date);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    parts.push(local, name, ...e.chunks);
    offset += local.length + name.length + e.compressedSize;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

/**
 * The entries of a zip file as they are stored (compressed data not inflated), in the order of its
 * central directory. For zips a library just wrote (no zip64, no encryption, one disk).
 */
export function readZip(bytes: Buffer): ZipEntry[] {
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('geen zip-bestand (het einde van de inhoudsopgave ontbreekt)');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('de inhoudsopgave van het zip-bestand is beschadigd');
    const method = bytes.readUInt16LE(at + 10);
    if (method !== 0 && method !== 8) throw new Error(`onbekende compressie ${method} in het zip-bestand`);
    const crc = bytes.readUInt32LE(at + 16);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localAt = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = localAt + 30 + bytes.readUInt16LE(localAt + 26) + bytes.readUInt16LE(localAt + 28);
    entries.push({ name, method, crc, size, compressedSize, chunks: [bytes.subarray(dataAt, dataAt + compressedSize)] });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
