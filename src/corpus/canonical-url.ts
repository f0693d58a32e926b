/**
 * Query parameters that only track where a click came from. Two links that differ only in these point to the same
 * article, so they are dropped before comparing or hashing URLs.
 */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'ocid',
  'cmpid',
  'cmp',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  'src',
  'share',
  'smid',
  'sr_share',
  's_cid',
  'spm',
  '_ga',
  '_gl',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
  'ito',
  'taid',
]);

/** Prefixes of tracking parameter families (`utm_source`, `utm_medium`, `pk_campaign`…). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'oly_'];

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/**
 * The form of an article URL used to recognise the same article behind different links: http(s) only, lower-case
 * host without "www.", no fragment, no default port, no tracking parameters, remaining parameters sorted, no trailing slash
 * (except the root). Returns undefined for anything that is not an absolute http(s) URL.
 * @example canonicalUrl('HTTPS://News.ERR.ee:443/123/?utm_source=x#top') // 'https://news.err.ee/123'
 */
export function canonicalUrl(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (!url.hostname || url.username || url.password) return undefined;
  url.hash = '';
  // WHATWG URL already lower-cases the host and drops :80 / :443 for their schemes.
  // "www." and a trailing dot name the same site; dropping them lets copies of a link compare equal.
  url.hostname = url.hostname.replace(/\.$/, '').replace(/^www\.(?=[^.]+\.)/, '');
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
  // Parameter order carries no meaning for article pages; sorting makes permutations compare equal.
  kept.sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)));
  url.search = kept.length > 0 ? new URLSearchParams(kept).toString() : '';
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  const out = url.toString();
  // `URL` keeps "/" for an empty path; a bare origin reads better without it, and both forms must compare equal.
  return url.pathname === '/' && !url.search ? out.replace(/\/$/, '') : out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
