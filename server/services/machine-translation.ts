// Use case: draft English for the pairs that have none, with the configured engine, as machine state.

import type { Store } from '../db/store.ts';
import type { MtEngine } from '../domain/mt-engine.ts';
import { glossEngine } from '../domain/mt-engine.ts';
import { State, type MtKind } from '../domain/types.ts';
import { ForbiddenError } from '../domain/errors.ts';
import { mayDo } from '../domain/review-workflow.ts';
import { libreTranslateEngine } from '../mt/libretranslate-engine.ts';
import { offlineGlossDeps } from '../mt/load-gloss-dictionary.ts';
import { documentReads } from './documents.ts';
import type { User } from './accounts.ts';

/** LibreTranslate when DUIQI_MT_URL names one, otherwise the offline dictionary-and-glossary gloss. */
export function configuredEngine(store: Store, mt: { url?: string; apiKey?: string } = {}): () => MtEngine {
  if (mt.url) {
    const engine = libreTranslateEngine(mt.url, { apiKey: mt.apiKey });
    return () => engine;
  }
  return () => ({
    name: 'gloss',
    // The glossary as it is when the drafts are made.
    async translate(texts, from, to) {
      return glossEngine(offlineGlossDeps(await store.read((tx) => tx.glossary.list()))).translate(texts, from, to);
    },
  });
}

/**
 * The history note of a draft, as a code the history translates for each reader (views/history-fragment.ts):
 * "mt:ENGINE", and for the offline gloss "mt:gloss:NAMES:UNKNOWN", how many words it spelled as names or left in Chinese.
 */
export function mtNote(engine: string, draft: { names?: number; unknown?: number }): string {
  return draft.names === undefined && draft.unknown === undefined ? `mt:${engine}` : `mt:${engine}:${draft.names ?? 0}:${draft.unknown ?? 0}`;
}

/** The offline gloss's drafts are kept apart from machine translation's (see MtKind). */
const mtKindOf = (engine: MtEngine): MtKind => (engine.name === 'gloss' ? 'gloss' : 'mt');

/** Rows drafted per engine call and write: progress moves at least this often, and a stop loses no more. */
const BATCH = 25;

export interface DraftProgress {
  /** Rows drafted before: a job resumed after a restart counts on from where it stopped. */
  before?: number;
  /** Told the rows drafted so far and how many there are to draft in all. */
  progress?: (done: number, total: number) => Promise<void>;
}

export function machineTranslation(store: Store, engine: () => MtEngine) {
  function checkRole(user: User): void {
    if (!mayDo(user.role, 'save')) throw new ForbiddenError('Your role may not add translations.', 'errors.forbiddenAction');
  }

  return {
    checkRole,

    /**
     * Returns how many pairs got a draft; pairs edited meanwhile are left alone. Drafts are written a batch at a
     * time, each its own transaction: every draft stands alone, so a stop keeps those written and a rerun drafts the rest.
     */
    async translateMissing(user: User, documentId: number, track: DraftProgress = {}): Promise<{ translated: number; engine: string }> {
      checkRole(user);
      const todo = await store.read(async (tx) => {
        await documentReads.get(tx, documentId);
        return (await tx.pairs.untranslated(documentId)).filter((p) => p.src.trim());
      });
      const before = track.before ?? 0;
      await track.progress?.(before, before + todo.length);
      // The engine may be a server far away: no transaction is open while it works.
      const mt = engine();
      let translated = before;
      for (let at = 0; at < todo.length; at += BATCH) {
        const batch = todo.slice(at, at + BATCH);
        const drafts = await mt.translate(batch.map((p) => p.src), 'zh', 'en');
        translated += await store.write(async (tx) => {
          let count = 0;
          for (const [i, p] of batch.entries()) {
            const draft = drafts[i]!;
            const text = draft.text.trim();
            if (!text || !(await tx.pairs.setMachineTranslation(p.id, p.version, text, mtKindOf(mt), user.id))) continue;
            await tx.pairs.insertRevision({
              pairId: p.id, version: p.version + 1, authorId: user.id, action: 'mt', oldText: '', newText: text,
              oldState: State.untranslated, newState: State.machine, comment: mtNote(mt.name, draft), seconds: 0,
            });
            count++;
          }
          return count;
        });
        await track.progress?.(translated, before + todo.length);
      }
      return { translated, engine: mt.name };
    },
  };
}
export type MachineTranslation = ReturnType<typeof machineTranslation>;
