/**
 * What a user asked about, once resolved against the gazetteer: a region topic ("estnoia" → Estonia, with its
 * aliases), a person ("kallas" → Kaja Kallas), or free words searched as typed.
 */
export interface ResolvedTopic {
  kind: 'topic' | 'person' | 'text';
  /** Gazetteer topic id, for `kind: 'topic'`. */
  id?: string;
  /** How replies name it: "Estonia", "Kaja Kallas", "drone strikes". */
  label: string;
  /** What to search for: the name and its aliases, or the user's words. */
  phrases: string[];
}
