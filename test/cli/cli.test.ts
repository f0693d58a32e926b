import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO } from '../helpers/test-app.ts';

function cli(args: string[], input: string) {
  const r = spawnSync(process.execPath, [path.join(REPO, 'src/cli/bin.js'), ...args], {
    input,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split('\n').filter(Boolean) };
}

describe('baltic-brief CLI', () => {
  test('GIVEN JSON Lines THEN sentences, one output line per input line, ids kept', () => {
    const { lines, status } = cli(
      ['sentences'],
      '{"id":"a","text":"Hello World. My name is Jonas."}\n{"id":7,"text":""}\n',
    );
    expect(status).toBe(0);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { id: 'a', sentences: ['Hello World.', 'My name is Jonas.'] },
      { id: 7, sentences: [] },
    ]);
  });

  test('GIVEN --sentences 1 THEN a one-sentence summary', () => {
    const text = 'Latvia called up reservists on Monday. The exercise lasts a week. Roads near Ādaži will close.';
    const [line] = cli(['summarize', '--sentences', '1'], `${JSON.stringify({ id: 1, text })}\n`).lines;
    expect(JSON.parse(line as string).summary).toHaveLength(1);
  });

  test('GIVEN a quote with a titled speaker THEN speaker, role and offsets into the text', () => {
    const text = '“We will defend every inch,” NATO Secretary General Mark Rutte said on Tuesday.';
    const [line] = cli(['quotes'], `${JSON.stringify({ id: 1, text })}\n`).lines;
    const [quote] = JSON.parse(line as string).quotes;
    expect(quote).toMatchObject({ speaker: 'Mark Rutte', role: 'NATO Secretary General' });
    expect(text.slice(quote.start, quote.end)).toBe(quote.text);
  });

  test('GIVEN a line that is not JSON THEN an error line in its place and the rest still answered', () => {
    const { lines, status } = cli(['sentences'], 'nope\n{"id":2,"text":"One. Two."}\n');
    expect(status).toBe(0);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ id: null, error: expect.stringContaining('not JSON') });
    expect(JSON.parse(lines[1] as string)).toEqual({ id: 2, sentences: ['One.', 'Two.'] });
  });

  test.each([
    [['bogus'], 'Usage: baltic-brief'],
    [['summarize', '--sentences', 'x'], '--sentences takes a whole number'],
    [[], 'Usage: baltic-brief'],
  ])('GIVEN bad arguments %j THEN a message and exit 64', (args, message) => {
    const { status, stdout, stderr } = cli(args, '');
    expect(status).toBe(64);
    expect(`${stdout}${stderr}`).toContain(message);
  });
});
