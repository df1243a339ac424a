// Fetches a web page for import, on the server: public addresses only (every one a name resolves to is checked, and
// the connection goes to the checked one), http(s) only, redirects followed by hand and checked alike, a bounded
// body and a deadline. Hosts on the allow-list (host:port) skip the address check, so tests can serve locally.

import dns from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { isPublicAddress } from '../domain/public-address.ts';
import { PayloadTooLargeError, ValidationError } from '../domain/errors.ts';

export interface FetchLimits {
  /** "host:port" entries allowed whatever their address. */
  allow: readonly string[];
  timeoutMs: number;
  maxBytes: number;
  maxRedirects?: number;
}

export interface FetchedPage {
  /** The final URL, after redirects: the source's name. */
  url: string;
  bytes: Uint8Array;
}

const DEFAULT_REDIRECTS = 5;

function refused(message: string, key: string, params: Record<string, unknown>): ValidationError {
  return new ValidationError(message, key, params);
}

function parseUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    throw refused(`"${raw}" is not a web address.`, 'fetch.badUrl', { url: raw });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw refused(`Only http and https addresses can be fetched, not "${url.protocol.replace(/:$/, '')}".`, 'fetch.scheme', { scheme: url.protocol.replace(/:$/, '') });
  }
  return url;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');
const portOf = (url: URL) => url.port || (url.protocol === 'https:' ? '443' : '80');

/** The addresses to connect to: the literal one, or every one the name resolves to, each checked unless allowed. */
async function checkedAddresses(url: URL, allow: readonly string[], signal: AbortSignal): Promise<{ address: string; family: number }[]> {
  const host = hostOf(url);
  let found: { address: string; family: number }[];
  if (net.isIP(host)) found = [{ address: host, family: net.isIP(host) }];
  else {
    // dns.lookup takes no signal: the deadline races it, so a resolver that hangs still ends the request in time.
    const deadline = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
    try {
      found = await Promise.race([dns.lookup(host, { all: true, verbatim: true }), deadline]);
    } catch (err) {
      if (signal.aborted) throw err;
      throw refused(`The host "${host}" could not be found.`, 'fetch.dns', { host });
    }
  }
  const allowed = allow.includes(`${url.hostname}:${portOf(url)}`);
  const bad = found.find((a) => !isPublicAddress(a.address));
  if (!allowed && (bad || found.length === 0)) {
    throw refused(`"${host}" is at ${bad?.address ?? 'no address'}, which is not a public internet address; duiqi fetches only from public servers.`,
      'fetch.notPublic', { host, address: bad?.address ?? '' });
  }
  return found;
}

interface Answer {
  status: number;
  location: string | undefined;
  body: Uint8Array;
}

/** One request to the checked address; the body is read up to `maxBytes` and refused past it. */
function request(url: URL, to: { address: string; family: number }, limits: FetchLimits, signal: AbortSignal): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      signal,
      headers: { 'user-agent': 'duiqi (page import)', accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5' },
      // The connection goes to the address that was checked: a second DNS answer cannot swap it.
      lookup: (_host, options, callback) => {
        if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [to]);
        else callback(null, to.address, to.family);
      },
    }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        return resolve({ status, location: res.headers.location, body: new Uint8Array() });
      }
      const declared = Number(res.headers['content-length'] ?? 0);
      if (declared > limits.maxBytes) {
        req.destroy();
        return reject(tooLarge(limits.maxBytes));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) req.destroy(tooLarge(limits.maxBytes));
        else chunks.push(chunk);
      });
      res.on('end', () => resolve({ status, location: undefined, body: new Uint8Array(Buffer.concat(chunks)) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function tooLarge(maxBytes: number): PayloadTooLargeError {
  const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  return new PayloadTooLargeError(`The page is larger than the upload limit of ${mb} MB.`, 'fetch.tooLarge', { mb });
}

/** The page at `raw`, after at most `maxRedirects` redirects, each one checked as the first address was. */
export async function fetchPage(raw: string, limits: FetchLimits): Promise<FetchedPage> {
  const controller = new AbortController();
  const seconds = Math.round(limits.timeoutMs / 100) / 10;
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  let url = parseUrl(raw);
  try {
    for (let hop = 0; ; hop++) {
      const [first] = await checkedAddresses(url, limits.allow, controller.signal);
      const answer = await request(url, first!, limits, controller.signal);
      if (answer.location === undefined) {
        if (answer.status >= 400) throw refused(`${url.href} answered ${answer.status}.`, 'fetch.status', { url: url.href, status: answer.status });
        return { url: url.href, bytes: answer.body };
      }
      if (hop >= (limits.maxRedirects ?? DEFAULT_REDIRECTS)) {
        throw refused(`${raw} redirects more than ${hop} times.`, 'fetch.redirects', { url: raw, count: hop });
      }
      url = parseUrl(answer.location, url);
    }
  } catch (err) {
    if (controller.signal.aborted) throw refused(`${url.host} did not answer within ${seconds} seconds.`, 'fetch.timeout', { host: url.host, seconds });
    if (err instanceof ValidationError || err instanceof PayloadTooLargeError) throw err;
    throw refused(`${url.host} could not be reached: ${(err as Error).message}.`, 'fetch.failed', { host: url.host });
  } finally {
    clearTimeout(timer);
  }
}
