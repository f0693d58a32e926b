/** Limits every outgoing request keeps: a feed or page must never hang, flood memory or bounce us around. */
export interface FetchLimits {
  /** Whole request, headers and body, in ms. Default 15 s. */
  timeoutMs: number;
  /** Decompressed body bytes at most (a gzip bomb is caught too). Default 5 MB. */
  maxBytes: number;
  /** Redirects followed at most. Default 5. */
  maxRedirects: number;
  userAgent: string;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'BalticBrief/0.1 (+https://github.com/baltic-brief/baltic-brief; news briefing bot; polite feed reader)',
};

/** Validators from the last successful fetch: sent back so an unchanged feed costs a 304 and no body. */
export interface Validators {
  etag?: string | undefined;
  lastModified?: string | undefined;
}

export type FetchResult =
  | {
      ok: true;
      status: number;
      /** The URL after redirects. */
      url: string;
      body: Uint8Array;
      contentType: string;
      etag?: string;
      lastModified?: string;
    }
  | { ok: true; status: 304; url: string; notModified: true }
  | { ok: false; status?: number; error: string; kind: FetchErrorKind };

export type FetchErrorKind = 'http' | 'timeout' | 'too-large' | 'redirects' | 'network' | 'bad-url';

/**
 * GETs a URL within the limits: conditional (ETag / Last-Modified), gzip/deflate/br accepted and decoded, redirects
 * followed by hand up to the cap (loops stop there), the body read up to the cap and the request aborted past it.
 * Never throws: every failure is a value with a short reason.
 * @example const r = await fetchWithLimits('https://news.err.ee/rss', { etag: '"abc"' });
 */
export async function fetchWithLimits(
  url: string,
  validators: Validators = {},
  limits: FetchLimits = DEFAULT_FETCH_LIMITS,
  accept = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
): Promise<FetchResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    let current = url;
    for (let hop = 0; ; hop++) {
      let parsed: URL;
      try {
        parsed = new URL(current);
      } catch {
        return { ok: false, error: `not a URL: ${current.slice(0, 100)}`, kind: 'bad-url' };
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        return { ok: false, error: `only http(s) is fetched, not ${parsed.protocol}`, kind: 'bad-url' };
      }
      const headers: Record<string, string> = {
        'user-agent': limits.userAgent,
        accept,
        'accept-encoding': 'gzip, deflate, br',
      };
      if (validators.etag) headers['if-none-match'] = validators.etag;
      if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
      const response = await fetch(parsed, { headers, redirect: 'manual', signal: controller.signal });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location)
          return { ok: false, status: response.status, error: 'redirect without a Location', kind: 'http' };
        if (hop >= limits.maxRedirects) {
          return {
            ok: false,
            status: response.status,
            error: `more than ${limits.maxRedirects} redirects`,
            kind: 'redirects',
          };
        }
        current = new URL(location, parsed).toString();
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { ok: true, status: 304, url: current, notModified: true };
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { ok: false, status: response.status, error: `HTTP ${response.status}`, kind: 'http' };
      }
      const declared = Number(response.headers.get('content-length') ?? Number.NaN);
      // Content-Length is of the encoded body; a compressed one may still grow past the cap, checked while reading.
      if (declared > limits.maxBytes && !response.headers.get('content-encoding')) {
        await response.body?.cancel();
        return tooLarge(response.status, limits);
      }
      const body = await readCapped(response, limits.maxBytes);
      if (!body) {
        controller.abort();
        return tooLarge(response.status, limits);
      }
      return {
        ok: true,
        status: response.status,
        url: current,
        body,
        contentType: response.headers.get('content-type') ?? '',
        ...optional('etag', response.headers.get('etag')),
        ...optional('lastModified', response.headers.get('last-modified')),
      };
    }
  } catch (error) {
    if (controller.signal.aborted) {
      return { ok: false, error: `no complete answer within ${limits.timeoutMs} ms`, kind: 'timeout' };
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, error: cause?.code ?? cause?.message ?? (error as Error).message, kind: 'network' };
  } finally {
    clearTimeout(timer);
  }
}

function tooLarge(status: number, limits: FetchLimits): FetchResult {
  return { ok: false, status, error: `body larger than ${limits.maxBytes} bytes`, kind: 'too-large' };
}

function optional<K extends string>(key: K, value: string | null): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}

/** The (decoded) body, or null as soon as it passes `max` bytes. */
async function readCapped(response: Response, max: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
