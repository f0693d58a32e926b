import { findQuoteSpans } from './quotes.ts';
import { splitSentences } from './sentences.ts';
import type { ResolvedSpeaker } from './speakers.ts';
import { collectNameMentions, resolveSpeakerPhrase } from './speakers.ts';

/** A sentence of reported (indirect) speech and who it is attributed to. */
export interface Statement {
  /** The sentence: `text === source.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** The fullest name the text gives for the speaker, or null when it never names one. */
  speaker: string | null;
  role: string | null;
  /** The reporting verb ("highlighted", "warned"). */
  cue: string;
}

/** Verbs that report what someone said or wrote, in the past or present tense. */
const REPORTING_VERBS = (
  'said says told tells noted notes highlighted highlights emphasized emphasised emphasizes emphasises warned warns ' +
  'affirmed affirms asserted asserts argued argues stressed stresses claimed claims insisted insists explained ' +
  'explains added adds announced announces acknowledged acknowledges admitted admits denied denies suggested ' +
  'suggests urged urges vowed vows pledged pledges promised predicted predicts confirmed confirms reiterated ' +
  'reiterates declared declares maintained maintains contended contends cautioned revealed reveals stated states ' +
  'clarified clarifies conceded concedes observed remarked pointed'
).split(' ');
const VERB = `(${REPORTING_VERBS.join('|')})`;

/** A subject: a pronoun, a capitalised name (with a title), or a short definite phrase ("the ministry"). */
const SUBJECT = String.raw`(he|she|they|it|He|She|They|It|(?:\p{Lu}[\p{L}'’.-]*\s+){0,4}\p{Lu}[\p{L}'’-]+|[Tt]he\s+(?:\p{Ll}+\s+)?\p{Ll}+)`;
const ADVERBS = String.raw`(?:(?:also|further|later|then|previously|repeatedly|again|has|had|have|\p{Ll}+ly)\s+)*`;

/** "Kallas emphasized …", "She further highlighted …", after an optional introductory phrase. */
const CLAUSE_RE = new RegExp(String.raw`^(?:[^,"“”]{0,100},\s*)?${SUBJECT}\s+${ADVERBS}${VERB}\b`, 'u');
/** "This distinction, she asserted, aims to …": a parenthetical attribution. */
const PARENTHETICAL_RE = new RegExp(String.raw`,\s*${SUBJECT}\s+${VERB},`, 'u');

/**
 * Both patterns above need a reporting verb right after white space and ending a word (`\s+…${VERB}\b`, `\s+${VERB},`),
 * so a sentence without one cannot match either. Half the sentences of a news article or more have none, and this
 * one scan for the verbs alone rejects them faster than the two patterns do.
 */
const REPORTING_VERB_RE = new RegExp(String.raw`\s${VERB}\b`, 'u');

/** Sentence openers that look like a capitalised subject but are not one. */
const NOT_SUBJECT =
  /^(?:This|That|These|Those|There|Here|What|When|While|If|As|But|And|In|On|At|After|Before|However|Meanwhile)$/u;

/**
 * Finds sentences of reported speech ("She further highlighted the complexity …, noting that …") and attributes
 * each to its speaker, resolving pronouns and surnames to the fullest name in the text. Sentences holding a direct
 * quote are left to {@link extractQuotes}.
 * @example attributeStatements('Kaja Kallas spoke. She warned that the risk grew.')[0].speaker // 'Kaja Kallas'
 */
export function attributeStatements(text: string): Statement[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const spans = findQuoteSpans(text);
  const mentions = collectNameMentions(text, spans);
  const out: Statement[] = [];
  let previous: { speaker: string | null; role: string | null; kind: ResolvedSpeaker['kind']; at: number } | null =
    null;
  let spanIndex = 0;
  for (const sentence of splitSentences(text)) {
    while (spanIndex < spans.length && (spans[spanIndex]?.end ?? 0) < sentence.start) spanIndex++;
    const span = spans[spanIndex];
    if (span && span.open < sentence.end && span.end > sentence.start) continue;
    if (!REPORTING_VERB_RE.test(sentence.text)) continue;
    const m = CLAUSE_RE.exec(sentence.text) ?? PARENTHETICAL_RE.exec(sentence.text);
    if (!m?.[1] || !m[2]) continue;
    const phrase = m[1].trim();
    if (NOT_SUBJECT.test(phrase)) continue;
    const at = sentence.start + (m.index ?? 0) + m[0].indexOf(phrase);
    const resolved = resolveSpeakerPhrase(phrase, { mentions, at, previous, text });
    out.push({
      text: sentence.text,
      start: sentence.start,
      end: sentence.end,
      speaker: resolved.speaker,
      role: resolved.role,
      cue: m[2],
    });
    if (resolved.speaker) previous = { speaker: resolved.speaker, role: resolved.role, kind: resolved.kind, at };
  }
  return out;
}
