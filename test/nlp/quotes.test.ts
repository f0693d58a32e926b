import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { extractQuotes } from '../../src/nlp/quotes.ts';

const QUOTE_MARKS = /["“”„«»'‘’]/u;

describe('extractQuotes: which quotes and who said them', () => {
  test.each([
    {
      name: 'speaker after the quote, with title and role',
      input: '"Our borders are safe," Latvian Defence Minister Andris Spruds said on Monday.',
      quotes: [
        { text: 'Our borders are safe,', speaker: 'Andris Spruds', role: 'Latvian Defence Minister', cue: 'said' },
      ],
    },
    {
      name: 'speaker before the quote with a colon',
      input: 'Mara Ozola told reporters: "We will keep the ferry running all winter."',
      quotes: [{ text: 'We will keep the ferry running all winter.', speaker: 'Mara Ozola', cue: 'told' }],
    },
    {
      name: 'inverted cue after the quote',
      input: '"The ice is thinner every year," said Peeter Tamm, a fisherman from Saaremaa.',
      quotes: [{ text: 'The ice is thinner every year,', speaker: 'Peeter Tamm', cue: 'said' }],
    },
    {
      name: 'a quote split by its attribution gives two quotes with one speaker',
      input: 'Ieva Berzina runs the harbour. "We open at six," she said, "and we close when the last boat is in."',
      quotes: [
        { text: 'We open at six,', speaker: 'Ieva Berzina', speakerDesc: 'she', cue: 'said' },
        { text: 'and we close when the last boat is in.', speaker: 'Ieva Berzina', speakerDesc: 'she', cue: 'said' },
      ],
    },
    {
      name: 'a surname resolves to the full name given earlier',
      input:
        'Foreign Minister Gabrielius Landsbergis met his Polish colleague. "The talks went well," Landsbergis said.',
      quotes: [{ text: 'The talks went well,', speaker: 'Gabrielius Landsbergis', speakerDesc: 'Landsbergis' }],
    },
    {
      name: 'an unattributed quote continues the previous speaker',
      input: '"We need more ammunition," Colonel Jaan Kask said. "The stocks will not last the winter."',
      quotes: [
        { text: 'We need more ammunition,', speaker: 'Jaan Kask' },
        { text: 'The stocks will not last the winter.', speaker: 'Jaan Kask' },
      ],
    },
    {
      name: 'curly single marks',
      input: 'Liis Saar said: ‘The bridge will reopen in May once the repairs are finished.’',
      quotes: [{ text: 'The bridge will reopen in May once the repairs are finished.', speaker: 'Liis Saar' }],
    },
    {
      name: 'straight single marks with apostrophes inside',
      input: "'We don't know when the drivers' strike will end,' Karl Mets said.",
      quotes: [{ text: "We don't know when the drivers' strike will end,", speaker: 'Karl Mets' }],
    },
    {
      name: 'a spokesperson for an organisation speaks for it',
      input: '"No flights were cancelled," a spokesman for Baltic Air said.',
      quotes: [{ text: 'No flights were cancelled,', speaker: 'Baltic Air' }],
    },
    {
      name: 'according to',
      input: '"Prices will fall next spring," according to Anna Kivi, an economist at the central bank.',
      quotes: [{ text: 'Prices will fall next spring,', speaker: 'Anna Kivi', cue: 'according to' }],
    },
    {
      name: 'a partial quote cued in its sentence',
      input: 'Toomas Rebane said the plan was "far too expensive" for a small town.',
      quotes: [{ text: 'far too expensive', speaker: 'Toomas Rebane', cue: 'said' }],
    },
    {
      name: 'a paragraph left open continues in the next one',
      input:
        'Rasa Petraitis said:\n"The first convoy left at dawn.\n"The second one followed an hour later," she added.',
      quotes: [
        { text: 'The first convoy left at dawn.', speaker: 'Rasa Petraitis' },
        { text: 'The second one followed an hour later,', speaker: 'Rasa Petraitis' },
      ],
    },
    {
      name: 'a so-called term is no quote',
      input: 'The army built a so-called "buffer zone" along the river.',
      quotes: [],
    },
    { name: 'a film title is no quote', input: 'She watched the film "Northern Lights" twice.', quotes: [] },
    { name: 'a short scare quote is no quote', input: 'Officials praised the "historic" agreement.', quotes: [] },
    { name: 'a nickname is no quote', input: 'The striker, nicknamed "the Hammer", scored twice.', quotes: [] },
  ])('GIVEN $name THEN the quotes and speakers are found', ({ input, quotes }) => {
    const got = extractQuotes(input);
    expect(got.map((q) => q.text)).toEqual(quotes.map((q) => q.text));
    for (const [i, q] of got.entries()) expect(q).toMatchObject(quotes[i] ?? {});
  });

  test.each([
    {
      name: 'a pronoun skips a person named only as the object of a preposition',
      input:
        'Andris Ozols, the mayor, said it was not right for Peteris Kalnins to stay in office. "It makes a mockery of the council," he said.',
      speaker: 'Andris Ozols',
    },
    {
      name: 'a pronoun agrees in gender with a first name',
      input: 'Liis Tamm met Peter Kask at the port. Kask said the ferry was late. "We lost a whole day," she said.',
      speaker: 'Liis Tamm',
    },
    {
      name: 'a pronoun skips a possessive',
      input: 'Peter Kask criticised Mr Saar\'s plan. He said the minister should "go back to the drawing board".',
      speaker: 'Peter Kask',
    },
    {
      name: 'a report speaks for whoever wrote it',
      input:
        'A report by the Baltic Defence College warned of gaps in air defence. The report said the region needed "at least three more batteries" by 2027.',
      speaker: 'Baltic Defence College',
    },
    {
      name: '"it" continues a memo, and "prepared by" names its author',
      input:
        'The memo – prepared by the Estonian Foreign Intelligence Service – states that Russia is "rebuilding its forces". It adds: "The threat will grow within two years."',
      speakers: ['Estonian Foreign Intelligence Service', 'Estonian Foreign Intelligence Service'],
    },
    {
      name: 'judges speak for their court',
      input:
        'Three judges at the Supreme Court of Estonia dismissed the appeal, saying the law was "clear and proportionate".',
      speaker: 'Supreme Court of Estonia',
    },
    {
      name: 'one member of a group is nobody named',
      input: 'Police stopped the Kalnins family near Riga. One of the group says: "We did nothing wrong."',
      speaker: null,
    },
    {
      name: 'a bare plural is nobody named',
      input: 'Motoring groups reacted angrily, accusing the minister Peter Kask of being "completely out of touch".',
      speaker: null,
    },
    {
      name: 'a relative clause after the speaker',
      input: 'Latvian flanker Berzins, who claims the referee "lost control of the game", was sent off.',
      speaker: 'Berzins',
    },
    {
      name: 'a name in apposition to a description',
      input: 'His lawyer, Mart Saar, told the court the charges were "entirely without merit".',
      speaker: 'Mart Saar',
    },
    {
      name: 'someone heard saying the words',
      input: '"Get back inside," Mart Saar can be heard saying in the video.',
      speaker: 'Mart Saar',
    },
    {
      name: 'the passive agent after "by"',
      input: 'The drill was described by NATO as "a routine exercise for the northern flank".',
      speaker: 'NATO',
    },
    {
      name: 'a club named short speaks under its full name',
      input:
        'The board of Flora Football Club met on Monday. In a statement Flora vowed to support the player, saying: "The club stands by him."',
      speaker: 'Flora Football Club',
    },
    {
      name: '"the ministry" is the ministry the text named',
      input:
        'The claim drew a denial from the Lithuanian defence ministry. "No such order was ever given," the ministry said.',
      speaker: 'Lithuanian defence ministry',
    },
    {
      name: 'a name without its middle name is the same person',
      input: 'Kristjan Juhan Tamm was charged in May. "I never did it," Kristjan Tamm said.',
      speaker: 'Kristjan Juhan Tamm',
    },
    {
      name: 'shouts from a crowd have no speaker',
      input: 'Peter Kask waved as shouts of "we love you, Peter" rang out. "It was a great day," Kask said.',
      speakers: [null, 'Peter Kask'],
    },
    {
      name: 'the passive agent of a participle cue',
      input: 'Leaflets were handed out by Tartu city council advising parents to "keep passports safe".',
      speaker: 'Tartu city council',
    },
    {
      name: 'a run-on sentence after a quote does not lend the quote its speaker',
      input:
        'Mart Saar said the mother was "doing well" and was seen as "the better parent" Earlier this month, Judge Liis Tamm said the case would go on.',
      speakers: ['Mart Saar', 'Mart Saar'],
    },
  ])('GIVEN $name THEN the speaker is resolved', ({ input, speaker, speakers }) => {
    const got = extractQuotes(input).map((q) => q.speaker);
    expect(got).toEqual(speakers ?? [speaker]);
  });

  test('GIVEN the seed article THEN Kaja Kallas is quoted with her title', () => {
    const url = new URL('../../data/articles/seed-article-2024-03-14-menafn-kallas.txt', import.meta.url);
    const quotes = extractQuotes(readFileSync(url, 'utf8'));
    expect(quotes).toContainEqual(
      expect.objectContaining({
        text: 'I do not make such promises, because circumstances may change.',
        speaker: 'Kaja Kallas',
        role: 'Estonian Prime Minister',
      }),
    );
  });

  test('GIVEN known speakers THEN a surname alone resolves to them', () => {
    const [q] = extractQuotes('"We stay the course," Kallas said.', { knownSpeakers: ['Kaja Kallas'] });
    expect(q?.speaker).toBe('Kaja Kallas');
  });
});

/** Text built from words, spaces, punctuation and every kind of quote mark, so marks meet in odd ways. */
const quoteyText = fc
  .array(
    fc.constantFrom(
      'He',
      'said',
      'Kallas',
      'we',
      'go',
      ' ',
      ' ',
      ',',
      '.',
      ':',
      '\n',
      '"',
      '“',
      '”',
      "'",
      '‘',
      '’',
      'don’t',
      "it's",
    ),
    {
      maxLength: 80,
    },
  )
  .map((parts) => parts.join(''));

describe('extractQuotes: invariants', () => {
  test('offsets point into the text and text is the slice', () => {
    fc.assert(
      fc.property(fc.oneof(quoteyText, fc.string()), (text) => {
        for (const q of extractQuotes(text)) {
          expect(q.start).toBeGreaterThanOrEqual(0);
          expect(q.end).toBeLessThanOrEqual(text.length);
          expect(q.start).toBeLessThan(q.end);
          expect(text.slice(q.start, q.end)).toBe(q.text);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('every quote sits between quote marks (whitespace allowed)', () => {
    fc.assert(
      fc.property(quoteyText, (text) => {
        for (const q of extractQuotes(text)) {
          expect(text.slice(0, q.start).trimEnd().slice(-1)).toMatch(QUOTE_MARKS);
          expect(text.slice(q.end).trimStart().charAt(0)).toMatch(QUOTE_MARKS);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), quoteyText), (text) => {
        expect(() => extractQuotes(text)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
