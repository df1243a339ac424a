// The one line of an exported bilingual file that depends on the clock: the export time (TMX, XLIFF 2 or 1.2, JSON).

const EXPORT_TIME = /(?<=x-duiqi-exported">)\d{8}T\d{6}Z|(?<=<mda:meta type="exported">)[^<]+|(?<=<file [^>]*\bdate=")[^"]+|(?<="exportedAt":\s*")[^"]+/g;

/** The export time a file states; it must state exactly one. */
export function exportTime(file: Buffer): Date {
  const found = file.toString('utf8').match(EXPORT_TIME) ?? [];
  if (found.length !== 1) throw new Error(`The file states ${found.length} export times.`);
  const text = found[0]!;
  const tmx = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(text);
  return tmx ? new Date(Date.UTC(+tmx[1]!, +tmx[2]! - 1, +tmx[3]!, +tmx[4]!, +tmx[5]!, +tmx[6]!)) : new Date(text);
}
