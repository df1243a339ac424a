// A machine-translation engine that calls a LibreTranslate-compatible server (DUIQI_MT_URL).

import type { MtEngine } from '../domain/mt-engine.ts';
import { AppError } from '../domain/errors.ts';

export class MtUnavailableError extends AppError {
  override readonly status = 502;
}

/** POST {url}/translate with `q` as an array; LibreTranslate answers `translatedText` as an array too. */
export function libreTranslateEngine(baseUrl: string, opts: { apiKey?: string; timeoutMs?: number } = {}): MtEngine {
  const endpoint = new URL('translate', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  return {
    name: 'libretranslate',
    async translate(texts, from, to) {
      if (!texts.length) return [];
      let res: Response;
      try {
        res = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ q: texts, source: from, target: to, format: 'text', ...(opts.apiKey ? { api_key: opts.apiKey } : {}) }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
        });
      } catch (err) {
        throw new MtUnavailableError(`The machine translation server at ${endpoint.origin} did not answer (${(err as Error).message}).`, 'errors.mtUnavailable');
      }
      const body = (await res.json().catch(() => ({}))) as { translatedText?: unknown; error?: string };
      if (!res.ok) throw new MtUnavailableError(`The machine translation server answered ${res.status}: ${body.error ?? 'no reason given'}.`, 'errors.mtUnavailable');
      const out = Array.isArray(body.translatedText) ? body.translatedText : [body.translatedText];
      if (out.length !== texts.length || out.some((t) => typeof t !== 'string')) {
        throw new MtUnavailableError('The machine translation server answered in an unexpected form.', 'errors.mtUnavailable');
      }
      return (out as string[]).map((text) => ({ text }));
    },
  };
}
