// Documents and users written through the repositories under contract, so both databases start from the same rows.

import { expect } from 'vitest';
import { applyOperation, type AlignOp } from '../../../server/domain/align-ops.ts';
import { invertPatch, type AlignRow, type RowPatch } from '../../../server/domain/alignment-rows.ts';
import type { NewPair } from '../../../server/db/documents-repo.ts';
import { withNoisePlaces } from '../../../server/domain/region-layout.ts';
import type { ContractStore } from './stores.ts';

export interface FixturePair {
  zh: string;
  /** One English sentence a line: a subtitle cue of two lines is two sentences, the second after a line break. */
  en?: string;
  /** A page's noise (an advert, a caption): a row of its own without state. */
  noise?: boolean;
  meta?: Record<string, unknown>;
}

/** One Chinese sentence per pair, an English one a line; pairs with English are machine translations (state 10), the others untranslated. */
export async function insertDocument(store: ContractStore, title: string, pairs: FixturePair[], options: { createdBy?: number | null; shared?: boolean } = {}) {
  return store.transaction(async ({ documents }) => {
    const documentId = await documents.insertDocument({
      title, srcLang: 'zh-CN', tgtLang: 'en', sourceName: 'zh.txt', pageDate: '2026-12-04', createdBy: options.createdBy ?? null, shared: options.shared,
    });
    const src = await documents.insertSource(documentId, 'src', 'zh.txt', pairs.map((p) => p.zh).join(''));
    const tgt = await documents.insertSource(documentId, 'tgt', 'en.txt', pairs.map((p) => p.en ?? '').join(' '));
    let zhAt = 0;
    let enAt = 0;
    let srcIdx = 0;
    let tgtIdx = 0;
    await documents.insertPairs(documentId, pairs.map((p): NewPair => ({
      score: p.noise ? null : 0.75, noise: !!p.noise, state: p.noise ? null : p.en ? 10 : 0, mtText: p.noise ? '' : p.en ?? '',
      segments: [
        { side: 'src', sourceId: src, idx: srcIdx++, text: p.zh, kind: p.noise ? 'noise' : 'sentence', paragraph: 0, start: zhAt, end: (zhAt += p.zh.length), meta: p.meta },
        ...(p.en ? p.en.split('\n').map((text, i) => ({
          side: 'tgt' as const, sourceId: tgt, idx: tgtIdx++, text, kind: p.noise ? 'noise' as const : 'sentence' as const, paragraph: 0,
          start: (enAt += i ? 1 : 0), end: (enAt += text.length), ...(i ? { lineBefore: true } : {}),
        })) : []),
      ],
    })));
    const pairIds = (await documents.pairs(documentId)).map((p) => p.pair.id);
    return { documentId, pairIds, sources: { src, tgt } };
  });
}

export const addUser = (store: ContractStore, name: string, role: 'admin' | 'reviewer' | 'translator' = 'translator') =>
  store.repos.accounts.insertUser(name, role, `scrypt$hash-of-${name}`);

export const SAMPLE: FixturePair[] = [
  { zh: '习近平会见朝鲜劳动党代表团。', en: 'Xi Jinping met a delegation of the Workers\' Party of Korea.', meta: { time: '10:00' } },
  { zh: '双方就朝鲜半岛局势交换了意见。', en: 'The two sides exchanged views on the Korean Peninsula.' },
  { zh: '广告', noise: true },
  { zh: '丁薛祥等参加会见。' },
  { zh: '会谈在友好的气氛中进行。', en: 'The talks were held in a friendly atmosphere.' },
];

const remap = <T>(value: T, keys: Map<string, string>): T =>
  JSON.parse(JSON.stringify(value), (k, v) => (k === 'key' && typeof v === 'string' ? keys.get(v) ?? v : v)) as T;

/** One operation as the alignment service runs it: claim the version, load, apply, write, log. */
export async function applyOp(store: ContractStore, documentId: number, userId: number, op: AlignOp): Promise<{ before: AlignRow[]; patch: RowPatch }> {
  return store.transaction(async ({ alignment }) => {
    const version = (await alignment.documentVersion(documentId))!;
    expect(await alignment.claimVersion(documentId, version)).toBe(version + 1);
    const loaded = await alignment.load(documentId);
    const { rows } = loaded;
    let fresh = 0;
    const patch = withNoisePlaces(loaded, applyOperation(rows, op, { newKey: () => `n${fresh++}`, by: 'lin' }));
    const stored = remap(patch, await alignment.write(documentId, loaded, patch));
    await alignment.recordOp(documentId, userId, op, stored);
    return { before: rows, patch };
  });
}

export async function undoLastOp(store: ContractStore, documentId: number): Promise<void> {
  await store.transaction(async ({ alignment }) => {
    const logged = (await alignment.lastDone(documentId))!;
    const loaded = await alignment.load(documentId);
    const patch = withNoisePlaces(loaded, invertPatch(JSON.parse(logged.patch) as RowPatch));
    const stored = remap(patch, await alignment.write(documentId, loaded, patch));
    await alignment.markOp(logged.id, true, invertPatch(stored));
  });
}
