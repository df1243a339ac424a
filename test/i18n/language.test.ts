import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';

// server/http/language.ts: the reader's language from the cookie, then Accept-Language, else English.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function loginPage(headers: Record<string, string>) {
  const res = await fetch(`${server.url}/login`, { headers });
  const body = await res.text();
  return { language: res.headers.get('content-language'), chinese: body.includes('用户名'), english: body.includes('User name') };
}

describe('the language of a page', () => {
  it.each([
    [{}, 'en'],
    [{ 'accept-language': 'zh-CN,zh;q=0.9' }, 'zh-CN'],
    [{ 'accept-language': 'zh-TW' }, 'zh-CN'],
    [{ 'accept-language': 'fr-FR, de;q=0.5' }, 'en'],
    [{ cookie: 'duiqi_lang=zh-CN', 'accept-language': 'en' }, 'zh-CN'],
    [{ cookie: 'duiqi_lang=en', 'accept-language': 'zh-CN' }, 'en'],
    [{ cookie: 'duiqi_lang=../../etc', 'accept-language': 'zh-CN' }, 'zh-CN'],
    [{ cookie: 'duiqi_lang=<script>' }, 'en'],
  ])('when the request carries %j then the page is in %s and says so', async (headers, expected) => {
    const page = await loginPage(headers);
    expect(page.language).toBe(expected);
    expect(page.chinese).toBe(expected === 'zh-CN');
    expect(page.english).toBe(expected === 'en');
  });

  it('when readers of both languages ask at once then each gets their own', async () => {
    const pages = await Promise.all(Array.from({ length: 20 }, (_, i) => loginPage(i % 2 ? { cookie: 'duiqi_lang=zh-CN' } : {})));
    pages.forEach((p, i) => expect(p.chinese).toBe(i % 2 === 1));
  });
});
