/**
 * Who is speaking: noun phrases around reporting verbs, split into role and name, and resolved to the fullest name
 * the text gives (a surname, "Mr X", a pronoun or "the Prime Minister" point back to an earlier mention).
 */

/** A speaker as resolved from one mention. */
export interface ResolvedSpeaker {
  /** The fullest name the text gives, or null when the mention never resolves to one. */
  speaker: string | null;
  role: string | null;
  kind: EntityKind;
}

/** Person, organisation, or not known (a bare capitalised word can be either, or a place). */
export type EntityKind = 'person' | 'org' | 'unknown';

/** A name seen in the text (outside quotes), with the role written next to it. */
export interface NameMention {
  /** Canonical (fullest) name this mention resolves to. */
  name: string;
  start: number;
  end: number;
  kind: EntityKind;
  role: string | null;
  /** Grammatical gender the text gives this person (pronouns after mentions, Mr/Ms, spokeswoman…), if any. */
  gender?: 'm' | 'f';
  /** True when a reporting verb follows the mention ("Kallas said", "Pete Saunders, chief executive …, added"). */
  cued?: boolean;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const PERSON_PRONOUNS = new Set(['he', 'she']);

/** Words that make a capitalised phrase a title, not part of a name ("Prime Minister", "Judge"). */
const TITLE_WORDS = new Set(
  (
    'prime minister president vice chancellor secretary general chief senator sen rep representative governor gov ' +
    'mayor dr mr mrs ms miss mx professor prof deputy foreign defence defense finance interior justice health home ' +
    'judge district coach captain capt lt lieutenant colonel col sgt sergeant gen admiral officer detective ' +
    'inspector superintendent constable chairman chairwoman chair ceo cfo director commissioner ambassador spokesman ' +
    'spokeswoman spokesperson lord lady sir dame king queen prince princess pope archbishop bishop rev reverend ' +
    'father witness agent attorney lawyer leader speaker mp mep councillor councilman councilwoman congressman ' +
    'congresswoman premier chancellor executive manager founder head editor correspondent analyst economist ' +
    'scientist astronaut passenger panel former acting interim chief assistant associate senior junior state ' +
    'labour labor conservative tory democrat democratic republican liberal opposition shadow sheriff police ' +
    'boss striker midfielder defender goalkeeper manager skipper flanker player star singer actor actress ' +
    'author researcher doctor nurse midwife teacher principal student fan resident mother father wife husband'
  ).split(' '),
);

/** Honorifics dropped from a name ("Mr Cameron" is Cameron). */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof']);

/** Name suffixes that are titles, not part of the name ("Eleanor Laws QC"). */
const TITLE_SUFFIXES = new Set(['QC', 'KC', 'MP', 'MEP', 'MD', 'PhD', 'OBE', 'MBE', 'CBE', 'KBE', 'Esq']);

/** Lower-case particles inside names ("Johan Van Overtveldt", "Ursula von der Leyen"). */
const NAME_PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'da',
  'di',
  'du',
  'la',
  'le',
  'al',
  'bin',
  'ibn',
  'dos',
  'das',
  'ter',
  'ten',
  'st',
]);

/** Head words that make a capitalised phrase an organisation. */
const ORG_WORDS = new Set(
  (
    'agency administration association bank board bureau club commission committee company corp corporation ' +
    'council court department fund group inc institute ltd llc plc ministry museum news office organisation ' +
    'organization party police service services society team times union university nations brigade lines ' +
    'airlines airways post journal guardian telegraph mail press church school college hospital trust foundation ' +
    'authority government parliament congress senate army navy network channel fc federation alliance ' +
    'forces force centre center commission institution cabinet kremlin pentagon command guard unit coalition ' +
    'tribunal prosecutors prosecution parliament assembly embassy consulate reuters ap afp bbc cnn nato eu un'
  ).split(' '),
);

/** Words that look like names but are places, dates or things; a phrase containing one is no person. */
const NOT_PERSON_WORDS = new Set(
  (
    'street road avenue square park island islands river mountain mountains sea ocean county state city republic ' +
    'kingdom airport station bridge cup league championship open games prize award day week january february march ' +
    'april may june july august september october november december monday tuesday wednesday thursday friday ' +
    'saturday sunday north south east west northern southern eastern western central europe america africa asia ' +
    'union states kingdom russia ukraine china britain england scotland wales ireland france germany estonia latvia ' +
    'lithuania poland finland sweden norway greece italy spain london moscow kyiv washington paris berlin brussels ' +
    'christmas easter world war internet google facebook twitter instagram youtube online'
  ).split(' '),
);

/** Sentence-initial or function words that start a capitalised run but are no part of a name. */
const LEADING_FUNCTION_WORDS = new Set(
  (
    'the a an but and or so yet however meanwhile still also then when while after before as if in on at of for ' +
    'from to by with without under over this that these those there here his her their its our my your he she it ' +
    'they we i you what who which where why how today yesterday now later earlier last next scroll mr despite'
  ).split(' '),
);

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu;

/** Strips accents and case, so "Kallas" and "kallas" and "Kalláš" compare equal. */
export function foldName(name: string): string {
  const cached = foldCache.get(name);
  if (cached !== undefined) return cached;
  if (foldCache.size > 20000) foldCache.clear();
  const folded = /^[a-z ]*$/u.test(name) ? name.trim() : foldUncached(name);
  foldCache.set(name, folded);
  return folded;
}

/** Names repeat within and across articles; folding is the hot spot of name resolution. */
const foldCache = new Map<string, string>();

function foldUncached(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']s$/u, '')
    .trim();
}

function isCapitalised(word: string): boolean {
  const c = word.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

function isAcronym(word: string): boolean {
  return word.length >= 2 && /^[\p{Lu}\d&.]+$/u.test(word) && /\p{Lu}/u.test(word);
}

function stripPossessive(word: string): string {
  return word.replace(/[’']s?$/u, '');
}

/** Nationality or place adjectives ("Estonian", "British", "Greek") when they stand before a title. */
function looksLikeAdjective(word: string): boolean {
  return /(?:an|ian|ese|ish|ic|i|ch|ek|ss)$/u.test(word);
}

/**
 * Splits a noun phrase into its role and its name: "Estonian Prime Minister Kaja Kallas" → role "Estonian Prime
 * Minister", name "Kaja Kallas"; "NASA chief scientist Ellen Stofan" → role "NASA chief scientist".
 */
export function splitRoleAndName(phrase: string): { role: string | null; name: string | null } {
  const words = phrase.trim().split(/\s+/u).filter(Boolean);
  while (words.length > 0 && /^(?:the|a|an)$/iu.test(words[0] ?? '')) words.shift();
  while (words.length > 0 && TITLE_SUFFIXES.has((words[words.length - 1] ?? '').replace(/[.,]$/u, ''))) words.pop();
  let cut = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const lw = w.toLowerCase().replace(/\.$/u, '');
    const next = words[i + 1];
    const isLast = i === words.length - 1;
    if (NAME_PARTICLES.has(lw) && next && isCapitalised(next) && !isLast && i > cut + 1) continue;
    const roleWord =
      !isCapitalised(w) ||
      (TITLE_WORDS.has(lw) && !isLast) ||
      (isAcronym(w) && !isLast) ||
      (/[’']s?$/u.test(w) && !isLast) ||
      (looksLikeAdjective(w) && next !== undefined && TITLE_WORDS.has(next.toLowerCase()));
    if (roleWord) cut = i;
  }
  // A phrase made only of title words ("the Prime Minister") has no name.
  const isTitle = (w: string) => TITLE_WORDS.has(w.toLowerCase().replace(/\.$/u, ''));
  if (words.some(isTitle) && words.every((w) => isTitle(w) || !isCapitalised(w))) {
    cut = words.length - 1;
  }
  const roleWords = words.slice(0, cut + 1);
  const nameWords = words.slice(cut + 1);
  // Honorifics belong to neither the name nor a useful role.
  const roleText = roleWords.filter((w) => !HONORIFICS.has(w.toLowerCase().replace(/\.$/u, ''))).join(' ');
  return { role: roleText || null, name: nameWords.length > 0 ? nameWords.join(' ') : null };
}

/** Whether a name (already split from its role) reads as an organisation. */
export function kindOfName(name: string): EntityKind {
  const words = name.split(/\s+/u);
  if (words.some((w) => ORG_WORDS.has(foldName(stripPossessive(w))))) return 'org';
  if (words.length === 1 && isAcronym(words[0] ?? '')) return 'org';
  if (words.some((w) => NOT_PERSON_WORDS.has(foldName(stripPossessive(w))))) return 'unknown';
  if (words.length >= 2 && words.every((w) => isCapitalised(w) || NAME_PARTICLES.has(w.toLowerCase()))) return 'person';
  return 'unknown';
}

/** Finds the capitalised runs of a text outside the given spans: the candidate names, with a title before them. */
export function collectNameMentions(text: string, skip: readonly { start: number; end: number }[]): NameMention[] {
  const out: NameMention[] = [];
  const words: { w: string; start: number; end: number }[] = [];
  let skipIndex = 0;
  for (const m of text.matchAll(WORD_RE)) {
    const start = m.index ?? 0;
    while (skipIndex < skip.length && (skip[skipIndex]?.end ?? 0) <= start) skipIndex++;
    const s = skip[skipIndex];
    if (s && start >= s.start && start < s.end) continue;
    let w = m[0];
    // A trailing full stop belongs to the sentence, except after an initial or a known abbreviation.
    if (w.endsWith('.') && !/^(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Prof|Rev)\.$/u.test(w)) {
      w = w.slice(0, -1);
    }
    words.push({ w, start, end: start + w.length });
  }
  let i = 0;
  while (i < words.length) {
    const first = words[i];
    if (!first || !isCapitalised(first.w)) {
      i++;
      continue;
    }
    // Grow a run of capitalised words (and particles), contiguous up to single spaces.
    let j = i;
    while (j + 1 < words.length) {
      const cur = words[j];
      const nxt = words[j + 1];
      if (!cur || !nxt) break;
      const gap = text.slice(cur.end, nxt.start);
      if (gap !== ' ' || cur.w.endsWith("'s") || cur.w.endsWith('’s')) break;
      const lw = nxt.w.toLowerCase();
      const after = words[j + 2];
      if (
        (isCapitalised(nxt.w) && !LEADING_FUNCTION_WORDS.has(lw)) ||
        (NAME_PARTICLES.has(lw) && after && isCapitalised(after.w))
      )
        j++;
      else break;
    }
    // Lower-case title words just before the run belong to its role ("chief scientist Ellen Stofan").
    let k = i;
    while (k > 0) {
      const prev = words[k - 1];
      const cur = words[k];
      if (!prev || !cur || text.slice(prev.end, cur.start) !== ' ') break;
      if ((TITLE_WORDS.has(prev.w.toLowerCase()) && !isCapitalised(prev.w)) || isAcronym(prev.w)) k--;
      else break;
    }
    let runWords = words.slice(k, j + 1).map((x) => x.w);
    let startIdx = k;
    while (runWords.length > 0 && LEADING_FUNCTION_WORDS.has((runWords[0] ?? '').toLowerCase())) {
      runWords = runWords.slice(1);
      startIdx++;
    }
    const startWord = words[startIdx];
    const endWord = words[j];
    if (runWords.length > 0 && startWord && endWord) {
      const { role, name } = splitRoleAndName(runWords.join(' '));
      if (name) {
        const nameStart = endWord.end - name.length >= startWord.start ? text.lastIndexOf(name, endWord.end) : -1;
        out.push({
          name: stripPossessive(name),
          start: nameStart >= 0 ? nameStart : startWord.start,
          end: endWord.end,
          kind: kindOfName(stripPossessive(name)),
          role,
        });
      }
    }
    i = j + 1;
  }
  const canonical = canonicalise(out);
  inferGenders(text, canonical);
  return canonical;
}

const MALE_CUES =
  /^(?:mr|sir|lord|he|him|his|himself|spokesman|husband|father|son|brother|boy|man|king|prince|actor|chairman|businessman|congressman)$/u;
const FEMALE_CUES =
  /^(?:mrs|ms|miss|dame|lady|she|her|hers|herself|spokeswoman|wife|mother|daughter|sister|girl|woman|queen|princess|actress|chairwoman|businesswoman|congresswoman)$/u;

/**
 * Gives each person the gender the text implies: honorifics and role words at a mention, and the first
 * third-person pronoun after a mention (before the next person is named). Pronoun resolution uses it.
 */
function inferGenders(text: string, mentions: NameMention[]): void {
  const votes = new Map<string, number>();
  const persons = mentions.filter((m) => m.kind === 'person');
  for (let i = 0; i < persons.length; i++) {
    const m = persons[i] as NameMention;
    let v = 0;
    const head =
      text
        .slice(Math.max(0, m.start - 30), m.start)
        .toLowerCase()
        .match(/[a-z]+/gu) ?? [];
    const last = head[head.length - 1] ?? '';
    if (MALE_CUES.test(last)) v += 2;
    if (FEMALE_CUES.test(last)) v -= 2;
    for (const w of (m.role ?? '').toLowerCase().split(/\s+/u)) {
      if (MALE_CUES.test(w)) v += 1;
      if (FEMALE_CUES.test(w)) v -= 1;
    }
    const nextStart = persons[i + 1]?.start ?? text.length;
    const window = text.slice(m.end, Math.min(nextStart, m.end + 160)).toLowerCase();
    const pronoun = /\b(he|she)\b/u.exec(window);
    if (pronoun?.[1]) v += MALE_CUES.test(pronoun[1]) ? 1 : -1;
    votes.set(m.name, (votes.get(m.name) ?? 0) + v);
  }
  for (const m of mentions) {
    const v = votes.get(m.name) ?? 0;
    if (v > 0) m.gender = 'm';
    else if (v < 0) m.gender = 'f';
  }
}

/** Points each short mention ("Kallas", "Mr Cameron", "Daniel") at the fullest earlier (or later) name it matches. */
function canonicalise(mentions: NameMention[]): NameMention[] {
  const fullNames: NameMention[] = mentions.filter((m) => m.kind === 'person' && m.name.includes(' '));
  const roleOf = new Map<string, string>();
  for (const m of mentions) {
    const full = findFullName(m.name, fullNames, m.start) ?? null;
    if (full) {
      m.name = full.name;
      m.kind = full.kind;
    }
    if (m.role && !roleOf.has(m.name)) roleOf.set(m.name, m.role);
  }
  for (const m of mentions) if (!m.role) m.role = roleOf.get(m.name) ?? null;
  return mentions;
}

/**
 * The fullest person name that a short name refers to: a name whose last (or first) word is the short name, or
 * which ends with it; the nearest one before `at` wins, else the first after it.
 */
export function findFullName(short: string, fullNames: readonly NameMention[], at: number): NameMention | undefined {
  const words = short.split(/\s+/u).filter((w) => !HONORIFICS.has(w.toLowerCase().replace(/\.$/u, '')));
  if (words.length === 0) return undefined;
  const key = foldName(words.join(' '));
  const matches = (full: NameMention): boolean => {
    const f = foldName(full.name);
    if (f === key) return true;
    if (f.length <= key.length || !f.includes(key)) return false;
    const fw = foldedWords(full.name);
    if (words.length === 1) return fw[fw.length - 1] === key || fw[0] === key || (fw.length > 2 && fw.includes(key));
    return f.endsWith(` ${key}`) || f.startsWith(`${key} `);
  };
  let best: NameMention | undefined;
  for (const full of fullNames) {
    if (!matches(full)) continue;
    if (full.start <= at) {
      if (!best || best.start > at || full.start >= best.start || full.name.length > best.name.length) best = full;
    } else if (!best) best = full;
  }
  // Prefer the longest of the matching names ("Kenneth Morgan Stancil III" over "Kenneth Stancil").
  if (best) {
    for (const full of fullNames) {
      if (full.name.length <= best.name.length || !matches(full)) continue;
      const fw = foldedWords(full.name);
      if (foldedWords(best.name).every((w) => fw.includes(w))) best = full;
    }
  }
  return best;
}

const wordsCache = new Map<string, string[]>();

function foldedWords(name: string): string[] {
  let words = wordsCache.get(name);
  if (!words) {
    if (wordsCache.size > 20000) wordsCache.clear();
    words = foldName(name).split(' ');
    wordsCache.set(name, words);
  }
  return words;
}

const fullNamesCache = new WeakMap<readonly NameMention[], NameMention[]>();

/** The mentions that spell out a person's full name (computed once per mention list). */
function fullNamesOf(mentions: readonly NameMention[]): NameMention[] {
  let full = fullNamesCache.get(mentions);
  if (!full) {
    full = mentions.filter((m) => m.kind === 'person' && m.name.includes(' '));
    fullNamesCache.set(mentions, full);
  }
  return full;
}

/** Context a speaker phrase is resolved in: names seen so far, and the speaker of the previous quote. */
export interface ResolutionContext {
  mentions: readonly NameMention[];
  /** Where the phrase stands in the text. */
  at: number;
  previous: { speaker: string | null; role: string | null; kind: EntityKind; at: number } | null;
}

const ROLE_ALIASES: Record<string, string> = { pm: 'prime minister', fm: 'foreign minister' };

/**
 * Resolves a speaker phrase ("he", "Kallas", "the agency", "a spokesman for Terminix", "Estonian Prime Minister
 * Kaja Kallas") to the fullest name in the text, with a role.
 */
export function resolveSpeakerPhrase(phrase: string, ctx: ResolutionContext): ResolvedSpeaker {
  const clean = phrase.trim().replace(/[,.;:]+$/u, '');
  const lower = clean.toLowerCase();
  if (PRONOUNS.has(lower)) return resolvePronoun(lower, ctx);

  // A spokesperson "for X" (or "X spokesman") speaks for organisation X.
  const forOrg =
    /\b(?:spokes(?:man|woman|person)|representative|statement|source|lawyer|attorney)s?\s+(?:for|from|of|at)\s+(?:the\s+)?((?:\p{Lu}[\p{L}\p{N}'’&.-]*)(?:\s+(?:of\s+|and\s+|for\s+)?\p{Lu}[\p{L}\p{N}'’&.-]*)*)/u.exec(
      clean,
    );
  if (forOrg?.[1]) return { speaker: expandAcronym(stripPossessive(forOrg[1]), ctx), role: null, kind: 'org' };
  const orgSpokes =
    /^(?:[Aa]n?\s+|[Tt]he\s+)?((?:\p{Lu}[\p{L}\p{N}'’&.-]+\s+)+)(?:spokes(?:man|woman|person)|officials?|sources?|staff|bosses|chiefs|representatives?|statement)$/u.exec(
      clean,
    );
  if (orgSpokes?.[1])
    return { speaker: expandAcronym(stripPossessive(orgSpokes[1].trim()), ctx), role: null, kind: 'org' };
  // "Tower Hamlets council", "Richmond police": a place and an institution, named together.
  const placeOrg =
    /^(?:[Tt]he\s+)?((?:\p{Lu}[\p{L}'’&.-]*\s+)+(?:council|police|government|ministry|department|authorities|prosecutors|court))$/u.exec(
      clean,
    );
  if (placeOrg?.[1]) return { speaker: placeOrg[1], role: null, kind: 'org' };
  // A written source ("a statement", "the memo") speaks for the organisation the article is about.
  if (
    /^(?:an?|the|its|their)\s+(?:\p{Ll}+\s+)?(?:statement|report|document|memo|release|news release|letter|update|press release|filing|notice)$/u.test(
      clean,
    )
  ) {
    const org = salientOrg(ctx);
    if (org) return { speaker: org.name, role: null, kind: 'org' };
  }

  // An indefinite phrase ("a senior official", "one witness") names nobody.
  if (
    /^(?:a|an|one|another|some|several|two|three|many)\b/iu.test(clean) &&
    !/\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(clean.replace(/^\p{Lu}/u, ''))
  ) {
    return { speaker: null, role: null, kind: 'unknown' };
  }

  const { role, name } = splitRoleAndName(clean);
  if (name) {
    const bare = stripPossessive(name);
    const full = findFullName(bare, fullNamesOf(ctx.mentions), ctx.at);
    const canonical = full?.name ?? bare;
    const known = ctx.mentions.find((m) => m.name === canonical && m.role);
    const kind = full?.kind ?? kindOfName(bare);
    return {
      speaker: kind === 'org' ? expandAcronym(canonical, ctx) : canonical,
      role: role ?? known?.role ?? null,
      kind,
    };
  }
  if (role && /^(?:the|this|that)\b/iu.test(clean)) return resolveDefinite(role, ctx);
  return { speaker: null, role, kind: 'unknown' };
}

function resolvePronoun(pronoun: string, ctx: ResolutionContext): ResolvedSpeaker {
  const wantPerson = PERSON_PRONOUNS.has(pronoun) || pronoun === 'i';
  const wantOrg = pronoun === 'it' || pronoun === 'they' || pronoun === 'we';
  const wantGender = pronoun === 'he' ? 'm' : pronoun === 'she' ? 'f' : undefined;
  const genderOf = new Map<string, 'm' | 'f'>();
  for (const m of ctx.mentions) if (m.gender) genderOf.set(m.name, m.gender);
  const genderFits = (name: string | null) => !wantGender || !name || (genderOf.get(name) ?? wantGender) === wantGender;
  let latest: NameMention | undefined;
  let latestCued: NameMention | undefined;
  for (const m of ctx.mentions) {
    if (m.start >= ctx.at) break;
    if (wantPerson && m.kind === 'person' && genderFits(m.name)) {
      latest = m;
      if (m.cued) latestCued = m;
    }
    if (wantOrg && m.kind === 'org') latest = m;
  }
  // A pronoun at a quote mostly points to the last person reported as speaking, not the last person named.
  if (latestCued && ctx.at - latestCued.start < 700) latest = latestCued;
  if (wantOrg && !(ctx.previous?.kind === 'org')) latest = salientOrg(ctx) ?? latest;
  const prev = ctx.previous;
  const prevFits =
    prev?.speaker && (wantPerson ? prev.kind !== 'org' : prev.kind === 'org') && genderFits(prev.speaker);
  if (prev && prevFits && (!latest || prev.at >= latest.start))
    return { speaker: prev.speaker, role: prev.role, kind: prev.kind };
  if (latest) return { speaker: latest.name, role: latest.role, kind: latest.kind };
  if (prev && prevFits) return { speaker: prev.speaker, role: prev.role, kind: prev.kind };
  return { speaker: null, role: null, kind: wantPerson ? 'person' : 'unknown' };
}

/** "the Prime Minister", "the agency": the latest mention whose role (or name) ends with that head. */
function resolveDefinite(head: string, ctx: ResolutionContext): ResolvedSpeaker {
  const words = foldName(head).split(' ');
  const last = words[words.length - 1] ?? '';
  const wanted = ROLE_ALIASES[last] ?? last;
  let found: NameMention | undefined;
  for (const m of ctx.mentions) {
    if (m.start >= ctx.at) break;
    const role = foldName(m.role ?? '');
    const name = foldName(m.name);
    if ((role && (role.endsWith(wanted) || role.includes(`${wanted} `))) || (m.kind === 'org' && name.endsWith(wanted)))
      found = m;
  }
  if (found) return { speaker: found.name, role: found.role, kind: found.kind };
  if (ORG_HEADS.test(wanted)) {
    if (ctx.previous?.speaker && ctx.previous.kind === 'org')
      return { speaker: ctx.previous.speaker, role: null, kind: 'org' };
    const org = salientOrg(ctx);
    if (org) return { speaker: org.name, role: null, kind: 'org' };
    return { speaker: null, role: head, kind: 'unknown' };
  }
  // "the 14-time major winner", "the attorney": the person just quoted, else the person the article is about.
  if (ctx.previous?.speaker && ctx.previous.kind !== 'org')
    return { speaker: ctx.previous.speaker, role: ctx.previous.role, kind: ctx.previous.kind };
  const person = salient(ctx, 'person');
  if (person) return { speaker: person.name, role: person.role, kind: 'person' };
  return { speaker: null, role: head, kind: 'unknown' };
}

const ORG_HEADS =
  /^(?:statement|report|document|memo|agency|company|firm|club|ministry|department|organisation|organization|group|force|service|letter|panel|council|team|government|spokes(?:man|woman|person)|charity|union|authority|authorities|court|board|committee|commission|office|website|newspaper|paper|network|channel|brigade|party)$/u;

/** The most-mentioned entity of a kind before the position (latest wins ties): who the article is about. */
function salient(ctx: ResolutionContext, kind: EntityKind): NameMention | undefined {
  const counts = new Map<string, number>();
  let best: NameMention | undefined;
  let bestCount = 0;
  for (const m of ctx.mentions) {
    if (m.start >= ctx.at) break;
    if (m.kind !== kind || (kind === 'org' && MEDIA.test(m.name))) continue;
    const c = (counts.get(m.name) ?? 0) + 1;
    counts.set(m.name, c);
    if (c >= bestCount) {
      best = m;
      bestCount = c;
    }
  }
  return best;
}

/** News outlets are named as sources of reports, rarely as the organisation that speaks. */
const MEDIA =
  /\b(?:News|Times|Mail|Post|Telegraph|Guardian|Channel|TV|Radio|Daily|Journal|Herald|Sun|Express|Independent|BBC|CNN|Sky|Reuters|AP|AFP|TMZ|Nine|Press|Online|Spiegel)\b/u;

function salientOrg(ctx: ResolutionContext): NameMention | undefined {
  return salient(ctx, 'org');
}

/** "CPS" → "Crown Prosecution Service" when the text spells the acronym out somewhere. */
function expandAcronym(name: string, ctx: ResolutionContext): string {
  if (!isAcronym(name) || name.length < 2) return name;
  const letters = name.replace(/[^\p{Lu}]/gu, '');
  for (const m of ctx.mentions) {
    const initials = m.name
      .split(/\s+/u)
      .filter((w) => isCapitalised(w) && !/^(?:of|and|for|the)$/iu.test(w))
      .map((w) => w.charAt(0))
      .join('');
    if (initials === letters && m.name.includes(' ')) return m.name;
  }
  return name;
}
