import { extractQuotes } from '../nlp/quotes.ts';
import { splitSentences } from '../nlp/sentences.ts';
import { summarizeText } from '../nlp/summarize.ts';

export type ToolName = 'sentences' | 'summarize' | 'quotes';
export const TOOL_NAMES: readonly ToolName[] = ['sentences', 'summarize', 'quotes'];

export interface ToolOptions {
  /** Summary length, for `summarize`. */
  sentences: number;
}

/**
 * Answers one JSON Lines input line (`{ "id", "text" }`) with one output object. A line that is not such an object
 * gets `{ id, error }`, so output lines always match input lines one to one.
 * @example runTool('sentences', '{"id":1,"text":"Hi. Bye."}', { sentences: 3 }) // { id: 1, sentences: ['Hi.', 'Bye.'] }
 */
export function runTool(tool: ToolName, line: string, options: ToolOptions): Record<string, unknown> {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { id: null, error: 'not JSON: each line must be an object like {"id": "1", "text": "…"}' };
  }
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return { id: null, error: 'each line must be an object like {"id": "1", "text": "…"}' };
  }
  const { id = null, text } = input as { id?: unknown; text?: unknown };
  if (typeof text !== 'string') return { id, error: '"text" must be a string' };
  switch (tool) {
    case 'sentences':
      return { id, sentences: splitSentences(text).map((s) => s.text) };
    case 'summarize':
      return { id, summary: summarizeText(text, options.sentences).map((s) => s.text) };
    case 'quotes':
      return {
        id,
        quotes: extractQuotes(text).map((q) => ({
          text: q.text,
          speaker: q.speaker,
          role: q.role,
          start: q.start,
          end: q.end,
        })),
      };
  }
}
