// Reads and writes a glossary as RFC 4180 CSV: Chinese term, English term, optional note.

import { ValidationError } from './errors.ts';

export interface GlossaryEntry {
  zh: string;
  en: string;
  note?: string;
}

interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts; a quoted newline makes a record span lines. */
  line: number;
}

const ZH_HEADERS = new Set(['zh', 'source', 'chinese', 'src', '中文']);
const EN_HEADERS = new Set(['en', 'target', 'english', 'tgt', '英文']);

/**
 * Header row optional (zh,en or source,target, any case), byte-order mark stripped, blank lines
 * skipped, terms trimmed. A bare quote inside an unquoted field is kept as text, as spreadsheets
 * write it; text after a closing quote is an error because the field's end is then unclear.
 */
export function parseGlossaryCsv(text: string): GlossaryEntry[] {
  const records = readRecords(text.replace(/^\uFEFF/, ''));
  const first = records[0]?.fields.map((f) => f.trim().toLowerCase());
  if (first && ZH_HEADERS.has(first[0]!) && EN_HEADERS.has(first[1] ?? '')) records.shift();
  const entries: GlossaryEntry[] = [];
  for (const { fields, line } of records) {
    if (fields.length === 1 && !fields[0]!.trim()) continue;
    if (fields.length < 2 || fields.length > 3) {
      const count = `${fields.length} field${fields.length === 1 ? '' : 's'}`;
      const need = fields.length < 2 ? 'needs a Chinese term and an English term' : 'has at most three: Chinese term, English term and note';
      throw new ValidationError(`Line ${line} has ${count}; a glossary row ${need}.`, 'glossary.csv.fieldCount', { line, count: fields.length });
    }
    const [zh, en, note] = fields.map((f) => restored(f).trim()) as [string, string, string?];
    if (!zh || !en) {
      const side = zh ? 'English' : 'Chinese';
      throw new ValidationError(`Line ${line} has an empty ${side} term.`, 'glossary.csv.emptyTerm', { line, side });
    }
    entries.push(note ? { zh, en, note } : { zh, en });
  }
  return entries;
}

/** CSV with a zh,en[,note] header and CRLF line ends, as RFC 4180 and spreadsheets expect. */
export function serializeGlossaryCsv(entries: readonly GlossaryEntry[]): string {
  const withNotes = entries.some((e) => e.note);
  const rows = [withNotes ? ['zh', 'en', 'note'] : ['zh', 'en']];
  for (const e of entries) rows.push(withNotes ? [e.zh, e.en, e.note ?? ''] : [e.zh, e.en]);
  return rows.map((r) => r.map((f) => quote(neutralised(f))).join(',')).join('\r\n') + '\r\n';
}

// A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(…), +cmd|…, @SUM(1)).
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * OWASP's rule for CSV injection: such a cell gets a leading single quote, which spreadsheets show as
 * text. Quotes already before the formula character get one more, so `restored` undoes exactly this.
 */
function neutralised(field: string): string {
  return FORMULA_START.test(field) ? `'${field}` : field;
}

function restored(field: string): string {
  return /^'+[=+\-@\t\r]/.test(field) ? field.slice(1) : field;
}

function quote(field: string): string {
  return /[",\r\n]|^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function readRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  // Whether the current field was quoted, so that a last line of just "" is still a record.
  let quoted = false;
  let line = 1;
  let start = 1;
  const endField = () => {
    fields.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    endField();
    records.push({ fields, line: start });
    fields = [];
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '' && !quoted) {
      const open = line;
      quoted = true;
      for (i++; text[i] !== '"' || text[i + 1] === '"'; i++) {
        if (i >= text.length) {
          throw new ValidationError(`Line ${open} opens a quoted field that is never closed.`, 'glossary.csv.unclosedQuote', { line: open });
        }
        if (text[i] === '"') i++;
        else if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) line++;
        field += text[i];
      }
      i++;
      if (i < text.length && !',\r\n'.includes(text[i]!)) {
        throw new ValidationError(`Line ${line} has text after a closing quote.`, 'glossary.csv.textAfterQuote', { line });
      }
      continue;
    }
    if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      start = ++line;
    } else field += c;
    i++;
  }
  if (field !== '' || quoted || fields.length) endRecord();
  return records;
}
