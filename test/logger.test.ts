import { Writable } from 'node:stream';
import { expect, test } from 'vitest';
import { createLogger } from '../src/logger.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

test('GIVEN a token in a log object THEN the line carries [redacted], never the token', () => {
  const { lines, stream } = capture();
  const log = createLogger({ logLevel: 'info' }, stream);
  log.child({ cmd: 'brief' }).info({ token: 'secret-token', config: { discordToken: 'secret-2' } }, 'hello');
  expect(JSON.stringify(lines)).not.toContain('secret');
  expect(lines[0]).toMatchObject({ cmd: 'brief', token: '[redacted]', msg: 'hello' });
});

test('GIVEN LOG_LEVEL silent THEN nothing is written', () => {
  const { lines, stream } = capture();
  createLogger({ logLevel: 'silent' }, stream).error('boom');
  expect(lines).toEqual([]);
});
