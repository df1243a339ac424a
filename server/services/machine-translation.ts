// Use case: draft English for the pairs that have none, with the configured engine, as machine state.

import type { Db } from '../db/open-database.ts';
import { pairsRepo } from '../db/pairs-repo.ts';
import { glossaryRepo } from '../db/glossary-repo.ts';
import type { MtEngine } from '../domain/mt-engine.ts';
import { glossEngine } from '../domain/mt-engine.ts';
import { State } from '../domain/types.ts';
import { ForbiddenError } from '../domain/errors.ts';
import { mayDo } from '../domain/review-workflow.ts';
import { libreTranslateEngine } from '../mt/libretranslate-engine.ts';
import { glossDictionary } from '../mt/load-gloss-dictionary.ts';
import { loadAlignResources } from '../align/load-resources.ts';
import { documents } from './documents.ts';
import type { User } from './accounts.ts';

/** LibreTranslate when DUIQI_MT_URL names one, otherwise the offline dictionary-and-glossary gloss. */
export function configuredEngine(db: Db, mt: { url?: string; apiKey?: string } = {}): () => MtEngine {
  if (mt.url) {
    const engine = libreTranslateEngine(mt.url, { apiKey: mt.apiKey });
    return () => engine;
  }
  return () => {
    const dictionary = glossDictionary();
    const resources = loadAlignResources();
    return glossEngine({
      segment: (zh) => resources.segmentChinese(zh).map((w) => w.word),
      lookup: (word) => dictionary.get(word) ?? [],
      glossary: glossaryRepo(db).list(),
      pinyin: (name) => resources.romanize(name).join(''),
    });
  };
}

/**
 * The history note of a draft, as a code the history translates for each reader (views/history-fragment.ts):
 * "mt:ENGINE", and for the offline gloss "mt:gloss:NAMES:UNKNOWN", how many words it spelled as names or left in Chinese.
 */
export function mtNote(engine: string, draft: { names?: number; unknown?: number }): string {
  return draft.names === undefined && draft.unknown === undefined ? `mt:${engine}` : `mt:${engine}:${draft.names ?? 0}:${draft.unknown ?? 0}`;
}

export function machineTranslation(db: Db, engine: () => MtEngine) {
  const repo = pairsRepo(db);
  return {
    /** Returns how many pairs got a draft; pairs edited meanwhile are left alone. */
    async translateMissing(user: User, documentId: number): Promise<{ translated: number; engine: string }> {
      if (!mayDo(user.role, 'save')) throw new ForbiddenError('Your role may not add translations.', 'errors.forbiddenAction');
      documents(db).get(documentId);
      const todo = repo.untranslated(documentId).filter((p) => p.src.trim());
      const mt = engine();
      const drafts = await mt.translate(todo.map((p) => p.src), 'zh', 'en');
      let translated = 0;
      db.transaction(() => {
        todo.forEach((p, i) => {
          const draft = drafts[i]!;
          const text = draft.text.trim();
          if (!text || !repo.setMachineTranslation(p.id, p.version, text, user.id)) return;
          repo.insertRevision({
            pairId: p.id, version: p.version + 1, authorId: user.id, action: 'mt', oldText: '', newText: text,
            oldState: State.untranslated, newState: State.machine, comment: mtNote(mt.name, draft), seconds: 0,
          });
          translated++;
        });
      }).immediate();
      return { translated, engine: mt.name };
    },
  };
}
export type MachineTranslation = ReturnType<typeof machineTranslation>;
