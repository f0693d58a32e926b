import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';

export const FEED_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/feeds');

/** A route: a fixture file (with its content type) or a handler of its own. */
type Route = { file: string; type: string; etag?: string; gzip?: boolean } | http.RequestListener;

/** A real HTTP server on 127.0.0.1 serving fixture feeds and the failure cases the fetcher must survive. */
export interface FeedServer {
  url(pathname: string): string;
  /** Requests received, with the headers that matter (conditional GET, user agent, encodings). */
  requests: { path: string; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

export async function startFeedServer(extra: Record<string, Route> = {}): Promise<FeedServer> {
  const routes: Record<string, Route> = {
    '/rss': { file: 'rss2.xml', type: 'application/rss+xml; charset=utf-8', etag: '"rss-v1"' },
    '/atom': { file: 'atom.xml', type: 'application/atom+xml' },
    '/rdf': { file: 'rdf.xml', type: 'application/rdf+xml' },
    '/json': { file: 'feed.json', type: 'application/feed+json' },
    '/undated': { file: 'no-dates-links.xml', type: 'application/rss+xml' },
    '/bomb': { file: 'entity-bomb.xml', type: 'application/xml' },
    '/gzip': { file: 'rdf.xml', type: 'application/rdf+xml', gzip: true },
    '/page/1001': { file: 'article-page.html', type: 'text/html; charset=utf-8' },
    '/500': (_req, res) => {
      res.writeHead(500).end('internal error');
    },
    '/gone': (_req, res) => {
      res.writeHead(410).end('gone');
    },
    '/slow': () => {
      // Never answers: the client's timeout must end it.
    },
    '/loop': (_req, res) => {
      res.writeHead(302, { location: '/loop' }).end();
    },
    '/big': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>');
      const chunk = `<item><title>${'x'.repeat(1000)}</title></item>`;
      let sent = 0;
      const pump = () => {
        while (sent < 500) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end('</channel></rss>');
      };
      pump();
    },
    '/bad-utf8': (_req, res) => {
      const text = fs.readFileSync(path.join(FEED_FIXTURES, 'rdf.xml'));
      // 0xC3 0x28 is an invalid two-byte UTF-8 sequence, spliced into the description.
      const at = text.indexOf('exercise');
      res.writeHead(200, { 'content-type': 'application/rdf+xml; charset=utf-8' });
      res.end(Buffer.concat([text.subarray(0, at), Buffer.from([0xc3, 0x28]), text.subarray(at)]));
    },
    ...extra,
  };
  const requests: FeedServer['requests'] = [];
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ path: pathname, headers: req.headers });
    const route = routes[pathname];
    if (!route) return void res.writeHead(404).end('not found');
    if (typeof route === 'function') return route(req, res);
    if (route.etag && req.headers['if-none-match'] === route.etag) return void res.writeHead(304).end();
    let body = fs.readFileSync(path.join(FEED_FIXTURES, route.file));
    const headers: http.OutgoingHttpHeaders = { 'content-type': route.type };
    if (route.etag) headers.etag = route.etag;
    if (route.gzip) {
      body = zlib.gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (p) => `http://127.0.0.1:${port}${p}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
