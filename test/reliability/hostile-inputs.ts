// Mutated uploads and random API requests for the fuzz suite: each a fetch() argument pair, made from a seeded generator.

import fc from 'fast-check';

export interface Sample {
  what: string;
  url: string;
  init: RequestInit;
  /** For an import: what it may add when accepted. */
  kind: 'document' | 'memory' | 'api';
}

export class Random {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state * 48271) % 2147483647;
    return this.state / 2147483647;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** One mutation of a valid file: cut, corrupt, stretch, nest or replace it. */
export function mutate(r: Random, file: Uint8Array, format: string): { bytes: Uint8Array; how: string } {
  const text = new TextDecoder().decode(file);
  const at = r.int(file.length + 1);
  switch (r.int(12)) {
    case 0: return { bytes: file.slice(0, at), how: `truncated at ${at}` };
    case 1: {
      const bytes = file.slice();
      for (let i = 0; i < 1 + r.int(8); i++) bytes[r.int(bytes.length)] = r.pick([0xff, 0xfe, 0xc3, 0x80, 0xed, 0x00, 0x3c, 0x26]);
      return { bytes, how: 'bad bytes' };
    }
    case 2: return { bytes: utf8(text.slice(0, at) + 'x'.repeat(r.pick([5_000, 70_000, 300_000])) + text.slice(at)), how: 'huge line' };
    case 3: {
      const depth = r.pick([100, 2_000, 20_000]);
      const open = format === 'json' ? '['.repeat(depth) : '<seg>'.repeat(depth);
      return { bytes: utf8(text.slice(0, at) + open + text.slice(at)), how: `nested ${depth} deep` };
    }
    case 4: return { bytes: crypto.getRandomValues(new Uint8Array(r.int(4_000))), how: 'random bytes' };
    case 5: {
      const from = r.int(text.length);
      return { bytes: utf8(text.slice(0, from) + text.slice(from + r.int(200))), how: 'chunk deleted' };
    }
    case 6: {
      const from = r.int(text.length);
      const chunk = text.slice(from, from + r.int(300));
      return { bytes: utf8(text.slice(0, at) + chunk + text.slice(at)), how: 'chunk duplicated' };
    }
    case 7: {
      const entities = '<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e SYSTEM "file:///etc/passwd">]>';
      return { bytes: utf8(text.replace(/(<\?xml[^>]*\?>)?/, `$1${entities}`).replace(/<seg>/, '<seg>&d;&e;')), how: 'entities' };
    }
    case 8: {
      if (format !== 'json') return { bytes: utf8(text.replace(/<\/?(tu|tuv|seg|trans-unit|source|target|body|file)\b/g, (m) => (r.next() < 0.1 ? m.replace(/[a-z]/, 'z') : m))), how: 'tags renamed' };
      try {
        return { bytes: utf8(JSON.stringify(replaceSomeValue(r, JSON.parse(text)))), how: 'json value replaced' };
      } catch {
        return { bytes: file, how: 'unchanged' };
      }
    }
    case 9: return { bytes: utf8(text.replace(/="[^"]*"/g, (m) => (r.next() < 0.2 ? `="${fc.sample(fc.string({ maxLength: 12 }), 1)[0]!.replace(/"/g, '')}"` : m))), how: 'attributes changed' };
    case 10: return { bytes: utf8(text.replace(/(": |>)\d+(,|<)/g, (m, a: string, b: string) => (r.next() < 0.3 ? `${a}${r.pick(HUGE_NUMBERS)}${b}` : m))), how: 'huge numbers' };
    default: return { bytes: utf8(text.replace(/[\s\S]{1,3}/g, (m) => (r.next() < 0.02 ? fc.sample(fc.string({ unit: 'binary', maxLength: 3 }), 1)[0]! : m))), how: 'random characters' };
  }
}

// Numbers that are not whole, not positive, past 2^31 or past 2^53, and dates that do not exist.
const HUGE_NUMBERS = ['1e300', '-5', '0', '-7', '1e20', '9007199254740993', '2147483648', '1.5', '"2026-99-99T99:99:99Z"'];
// Keys every plain object inherits: a lookup with `in` or `obj[key]` finds them.
const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', { toString: 1 }];

/** A multipart body broken the ways busboy refuses: bad part header, cut short, no boundary, a huge file name. */
function malformedMultipart(r: Random, o: Originals): { type: string; body: string; how: string } {
  const part = (name: string, extra = '') => `--B\r\nContent-Disposition: form-data; name="source"; filename="${name}"\r\n${extra}\r\n${new TextDecoder().decode(o.zh)}\r\n`;
  const how = r.pick(['bad header', 'truncated', 'no boundary', 'huge name', 'no closing']);
  const body = how === 'bad header' ? `${part('a.txt', 'Not a header\r\n')}--B--\r\n`
    : how === 'truncated' ? part('a.txt').slice(0, r.int(200))
    : how === 'huge name' ? `${part(`${'名'.repeat(7000)}.txt`)}--B--\r\n` : how === 'no closing' ? part('a.txt') : `${part('a.txt')}--B--\r\n`;
  return { type: how === 'no boundary' ? 'multipart/form-data' : 'multipart/form-data; boundary=B', body, how };
}

function replaceSomeValue(r: Random, value: unknown, depth = 0): unknown {
  if (depth > 0 && r.next() < 0.3) return fc.sample(fc.jsonValue({ maxDepth: 2 }), 1)[0];
  if (Array.isArray(value)) return value.map((v) => (r.next() < 0.3 ? replaceSomeValue(r, v, depth + 1) : v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, r.next() < 0.3 ? replaceSomeValue(r, v, depth + 1) : v]));
  }
  return fc.sample(fc.jsonValue({ maxDepth: 2 }), 1)[0];
}

function form(files: { field: string; bytes: Uint8Array; name: string }[], fields: Record<string, string> = {}): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  for (const f of files) body.append(f.field, new Blob([f.bytes as Uint8Array<ArrayBuffer>]), f.name);
  return body;
}

export interface Originals {
  exports: Record<'tmx' | 'xliff' | 'json', Uint8Array>;
  zh: Uint8Array;
  en: Uint8Array;
}

const EXT: Record<string, string> = { tmx: 'tmx', xliff: 'xlf', json: 'json' };

export function uploadSample(r: Random, o: Originals, auth: Record<string, string>): Sample {
  const choice = r.int(11);
  if (choice === 10) {
    const m = malformedMultipart(r, o);
    return { what: `import multipart ${m.how}`, url: '/api/documents/import', kind: 'document', init: { method: 'POST', headers: { ...auth, 'content-type': m.type }, body: m.body } };
  }
  if (choice < 5) {
    const format = r.pick(['tmx', 'xliff', 'json'] as const);
    const m = mutate(r, o.exports[format], format);
    const name = r.next() < 0.8 ? `file.${EXT[format]}` : r.pick(['file.txt', 'noext', '../../etc/passwd', '文件.tmx']);
    return { what: `import ${format} ${m.how} as ${name}`, url: '/api/documents/import', kind: 'document', init: { method: 'POST', headers: auth, body: form([{ field: 'source', bytes: m.bytes, name }], r.next() < 0.3 ? { title: fc.sample(fc.string({ unit: 'binary', maxLength: 30 }), 1)[0]! } : {}) } };
  }
  if (choice < 8) {
    const zh = r.next() < 0.5 ? mutate(r, o.zh, 'text') : { bytes: o.zh, how: 'as is' };
    const en = r.next() < 0.5 ? mutate(r, o.en, 'text') : { bytes: o.en, how: 'as is' };
    const files = [{ field: 'source', bytes: zh.bytes, name: 'zh.txt' }, ...(r.next() < 0.9 ? [{ field: 'translation', bytes: en.bytes, name: 'en.txt' }] : [])];
    return { what: `import texts zh ${zh.how}, en ${en.how}`, url: '/api/documents/import', kind: 'document', init: { method: 'POST', headers: auth, body: form(files) } };
  }
  const m = mutate(r, o.exports.tmx, 'tmx');
  return { what: `memory tmx ${m.how}`, url: '/api/memory/import', kind: 'memory', init: { method: 'POST', headers: auth, body: form([{ field: 'source', bytes: m.bytes, name: 'memory.tmx' }]) } };
}

export function apiSample(r: Random, pairIds: number[], documentId: number, auth: Record<string, string>): Sample {
  const json = (method: string, url: string, body: unknown): Sample => ({
    what: `${method} ${url} ${JSON.stringify(body)?.slice(0, 200)}`, url, kind: 'api',
    init: { method, headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) ?? 'null' },
  });
  const value = () => fc.sample(fc.jsonValue({ maxDepth: 3 }), 1)[0];
  const loose = () => fc.sample(fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.integer(), fc.constantFrom(1, 2, -1, 0, 1e300, '1', '')), 1)[0];
  const pair = () => (r.next() < 0.8 ? String(r.pick(pairIds)) : r.pick(['0', '-1', 'abc', '99999999', '1e3', '%00', '1.5', '9007199254740993']));
  const query = () => fc.sample(fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 20 }), { maxKeys: 4 }), 1)[0]!;
  const qs = (extra: Record<string, string>) => new URLSearchParams({ ...query(), ...extra }).toString();
  const proto = () => r.pick(PROTO_NAMES);
  switch (r.int(12)) {
    case 10: return json('POST', `/api/documents/${documentId}/access`, { [String(r.pick(PROTO_NAMES.slice(0, 5)))]: proto(), add: [proto()], remove: [proto()] });
    case 11: return json('POST', `/api/documents/${documentId}/alignment/ops`, { version: loose(), op: { kind: proto(), row: loose(), side: proto() } });
    case 0: return json('PUT', `/api/pairs/${pair()}`, value());
    case 1: return json('PUT', `/api/pairs/${pair()}`, { tgt: loose(), version: loose(), seconds: loose() });
    case 2: return json('POST', `/api/pairs/${pair()}/review`, r.next() < 0.5 ? value() : { decision: r.pick(['approve', 'reject', 'x']), version: loose(), comment: loose() });
    case 3: return json('POST', `/api/pairs/${pair()}/confirm`, { version: loose() });
    case 4: return json('POST', '/api/glossary', r.next() < 0.5 ? value() : { zh: loose(), en: loose(), note: loose() });
    case 5: return json('POST', '/api/users', r.next() < 0.5 ? value() : { name: loose(), role: r.pick(['admin', 'reviewer', 'translator', 'x']), password: loose() });
    case 6: {
      const raw = fc.sample(fc.string({ unit: 'binary', maxLength: 100 }), 1)[0]!;
      return { what: `PUT bad json ${JSON.stringify(raw)}`, url: `/api/pairs/${pair()}`, kind: 'api', init: { method: 'PUT', headers: { ...auth, 'content-type': 'application/json' }, body: raw } };
    }
    case 7: return { what: 'export query', url: `/api/documents/${documentId}/export?${qs({ format: r.pick(['tmx', 'xliff', 'json', 'csv', '']), state: r.pick(['all', 'translated', 'approved', 'x']) })}`, kind: 'api', init: { headers: auth } };
    case 8: return { what: 'rows query', url: `/documents/${documentId}/rows?${qs({ offset: JSON.stringify(loose()) ?? "" })}`, kind: 'api', init: { headers: auth } };
    default: {
      const url = r.pick([`/documents/${documentId}`, `/documents/${documentId}/pairs/${pair()}/edit`, `/documents/${documentId}/pairs/${pair()}/history`, '/documents', '/glossary', `/api/documents/${documentId}/pairs`, `/documents/${documentId}/progress`]);
      return { what: `GET ${url}`, url: `${url}?${qs({})}`, kind: 'api', init: { headers: auth } };
    }
  }
}
