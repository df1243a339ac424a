// The seam to machine translation: any engine that turns Chinese sentences into English drafts.

import { glossTranslate, type GlossDeps } from './gloss-translate.ts';

export interface MtEngine {
  name: string;
  /** One result per input text, in order; `note` tells the translator how far to trust the draft, `names` and `unknown` count a gloss's guesses. */
  translate(texts: string[], from: 'zh', to: 'en'): Promise<{ text: string; note?: string; names?: number; unknown?: number }[]>;
}

/** The offline engine: a dictionary gloss, always available, never good enough to keep as is. */
export function glossEngine(deps: GlossDeps): MtEngine {
  return {
    name: 'gloss',
    async translate(texts) {
      return texts.map((text) => glossTranslate(text, deps));
    },
  };
}
