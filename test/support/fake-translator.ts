// A LibreTranslate-compatible server for tests of long machine translation: each call waits until the test lets it answer.

import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeTranslator {
  url: string;
  /** Calls received so far (each one batch of rows). */
  readonly calls: number;
  /** Lets `n` more calls answer ("EN(text)" for each text); Infinity lets every call through. */
  release(n?: number): void;
  /** The next call answers 503, as a translation server that is down. */
  failNext(): void;
  close(): Promise<void>;
}

export async function startFakeTranslator(): Promise<FakeTranslator> {
  let calls = 0;
  let allowed = 0;
  let failing = false;
  const held: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      calls++;
      const answer = () => {
        res.setHeader('content-type', 'application/json');
        if (failing) {
          failing = false;
          res.statusCode = 503;
          return res.end(JSON.stringify({ error: 'overloaded' }));
        }
        const { q } = JSON.parse(body) as { q: string[] };
        res.end(JSON.stringify({ translatedText: q.map((text) => `EN(${text})`) }));
      };
      if (allowed > 0) {
        allowed--;
        answer();
      } else {
        held.push(answer);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get calls() {
      return calls;
    },
    release(n = 1) {
      allowed += n;
      while (allowed > 0 && held.length) {
        allowed--;
        held.shift()!();
      }
    },
    failNext() {
      failing = true;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
