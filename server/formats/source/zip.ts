// Reads named entries of a zip archive with a bound on what they unpack to, and writes small archives.

import zlib from 'node:zlib';
import { ParseError } from '../parse-error.ts';
import type { Reason } from '../../domain/errors.ts';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

/** `why` names the reason's sentence (parserReasons.zip…), which the English `detail` says too. */
function corrupt(format: string, detail: string, why: string, params: Record<string, string> = {}): ParseError {
  const reason: Reason = { key: `parserReasons.${why}`, params };
  return new ParseError(`The ${format} file is not a readable zip archive: ${detail}.`, 'formats.zipCorrupt', { params: { format, detail, reason } });
}

function centralDirectory(bytes: Uint8Array, format: string): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  // The end record is 22 bytes plus a comment of at most 65,535.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(format, 'no end of central directory', 'zipNoEnd');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw corrupt(format, 'a damaged central directory', 'zipDirectory');
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      localOffset: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/**
 * The entries named in `names` that the archive holds, unpacked. What they unpack to together may
 * not exceed `maxBytes`: the inflater stops there, whatever sizes the archive claims (a zip bomb
 * claims small ones).
 */
export function readZipEntries(bytes: Uint8Array, names: readonly string[], maxBytes: number, format: string): Map<string, Buffer> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, Buffer>();
  let budget = maxBytes;
  for (const e of centralDirectory(bytes, format)) {
    if (!names.includes(e.name) || out.has(e.name)) continue;
    if (e.flags & 1) throw corrupt(format, `"${e.name}" is encrypted`, 'zipEncrypted', { name: e.name });
    const at = e.localOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw corrupt(format, `"${e.name}" has no local header`, 'zipNoLocalHeader', { name: e.name });
    const dataStart = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(dataStart, dataStart + e.compressedSize);
    if (data.length !== e.compressedSize) throw corrupt(format, `"${e.name}" is cut short`, 'zipCutShort', { name: e.name });
    let content: Buffer;
    if (e.method === 0) content = Buffer.from(data);
    else if (e.method === 8) {
      try {
        content = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw tooBig(format, maxBytes);
        throw corrupt(format, `"${e.name}" does not inflate`, 'zipInflate', { name: e.name });
      }
    } else throw corrupt(format, `"${e.name}" uses compression method ${e.method}`, 'zipMethod', { name: e.name, method: String(e.method) });
    budget -= content.length;
    if (budget < 0) throw tooBig(format, maxBytes);
    out.set(e.name, content);
  }
  return out;
}

function tooBig(format: string, maxBytes: number): ParseError {
  const mb = Math.round(maxBytes / 1024 / 1024);
  return new ParseError(`The ${format} file unpacks to more than ${mb} MB of text; it is refused.`, 'formats.zipTooBig', { params: { format, mb } });
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A deflated zip archive of the given entries, in order (a .docx wants [Content_Types].xml first). */
export function writeZip(entries: { name: string; data: Uint8Array }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = zlib.deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
