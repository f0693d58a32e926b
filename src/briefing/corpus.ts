import {
  findPerson,
  foldDiacritics,
  type Gazetteer,
  resolveTopic,
  topicNames,
  topicSuggestions,
} from '../nlp/gazetteer.ts';
import type { CorpusIndex, Hit, SearchFilter } from '../search/corpus-index.ts';
import type { ArticleRepository } from '../store/articles.ts';
import type { ResolvedTopic } from './topic.ts';

/** What the briefing functions read: the index to find articles, the store to read them, the gazetteer to understand. */
export class Corpus {
  constructor(
    readonly index: CorpusIndex,
    readonly articles: ArticleRepository,
    readonly gazetteer: Gazetteer,
  ) {}

  /**
   * Turns what a user typed into something to search for: a region topic (typos forgiven: "estnoia" → Estonia, with
   * its aliases), a known person, or the words as typed.
   */
  resolve(input: string): ResolvedTopic {
    const topic = resolveTopic(this.gazetteer, input);
    if (topic) {
      return { kind: 'topic', id: topic.id, label: topic.name, phrases: topicNames(topic).map((n) => n.text) };
    }
    const person = findPerson(this.gazetteer, input);
    if (person) return { kind: 'person', label: person.name, phrases: [person.name, ...(person.aliases ?? [])] };
    return { kind: 'text', label: input, phrases: [input] };
  }

  /** Articles about a resolved topic, best first. */
  search(topic: ResolvedTopic, filter: SearchFilter, limit = 200): Hit[] {
    if (topic.kind === 'topic' && topic.id) return this.index.byTopic(topic.id, filter, limit);
    if (topic.kind === 'person') return this.index.searchPerson(topic.phrases, filter, limit);
    return this.index.searchText(topic.phrases.join(' '), filter, limit);
  }

  /**
   * Autocomplete for topics: gazetteer names first (prefix, then typo-tolerant), then people the corpus quotes
   * (a brief on a person works too); at most 25.
   */
  topicSuggestions(typed: string): string[] {
    const topics = topicSuggestions(this.gazetteer, typed).map((t) => t.name);
    const people = typed.trim() ? this.speakerSuggestions(typed) : [];
    return [...new Set([...topics, ...people])].slice(0, 25);
  }

  /** Autocomplete for speakers: attributed speakers whose name or surname starts with what was typed, most quoted first. */
  speakerSuggestions(typed: string): string[] {
    const want = foldDiacritics(typed.toLowerCase().trim());
    const names = this.speakers().filter(
      (name) =>
        !want ||
        foldDiacritics(name.toLowerCase())
          .split(/[\s-]+/)
          .some((w) => w.startsWith(want)) ||
        foldDiacritics(name.toLowerCase()).startsWith(want),
    );
    return names.slice(0, 25);
  }

  /**
   * Every attributed speaker, most quoted first; read from the store once per corpus revision (a GROUP BY over
   * every quote is too slow for each keystroke of autocomplete at 50k articles).
   */
  speakers(): readonly string[] {
    const revision = this.articles.revision();
    if (this.#speakers?.revision !== revision) {
      this.#speakers = { revision, names: this.articles.speakers().map((s) => s.speaker) };
    }
    return this.#speakers.names;
  }

  #speakers: { revision: number; names: string[] } | undefined;

  /** Gazetteer topics with at least one article, most covered first: what to suggest when a topic has none. */
  coveredTopics(): { id: string; name: string; articles: number; newestMs: number }[] {
    const counts = new Map<string, { articles: number; newestMs: number }>();
    for (const h of this.index.headers()) {
      for (const id of h.topics) {
        const c = counts.get(id) ?? { articles: 0, newestMs: 0 };
        c.articles++;
        c.newestMs = Math.max(c.newestMs, h.dateMs);
        counts.set(id, c);
      }
    }
    const names = new Map(this.gazetteer.topics.map((t) => [t.id, t.name]));
    return [...counts.entries()]
      .flatMap(([id, c]) => (names.has(id) ? [{ id, name: names.get(id) as string, ...c }] : []))
      .sort((a, b) => b.articles - a.articles || b.newestMs - a.newestMs);
  }
}
