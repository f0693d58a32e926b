import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('loadConfig', () => {
  test('GIVEN nothing set THEN the embedded defaults: console mode, ./data, a SQLite file under ./var, info logs', () => {
    const config = loadConfig({});
    expect(config.discordToken).toBeUndefined();
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.databasePath).toBe(path.resolve('var/baltic-brief.sqlite'));
    expect(config.logLevel).toBe('info');
    expect(config.briefDefaultDays).toBe(7);
    expect(Object.isFrozen(config)).toBe(true);
  });

  test('GIVEN blank values THEN they count as unset', () => {
    expect(loadConfig({ DISCORD_TOKEN: '  ', LOG_LEVEL: '' }).discordToken).toBeUndefined();
  });

  test.each([
    ['LOG_LEVEL', 'loud', /LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent/],
    ['DISCORD_API_URL', 'localhost:8080', /DISCORD_API_URL: must be an http\(s\) URL/],
    ['DISCORD_GUILD_ID', 'my-server', /DISCORD_GUILD_ID: must be a Discord id/],
    ['BRIEF_DEFAULT_DAYS', '0', /BRIEF_DEFAULT_DAYS: must be a whole number of days/],
  ])('GIVEN %s=%s THEN start-up stops with a message naming the key and the fix', (key, value, message) => {
    expect(() => loadConfig({ [key]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [key]: value })).toThrow(message);
  });

  test('GIVEN valid Discord settings THEN they are kept, the API URL without a trailing slash', () => {
    const config = loadConfig({
      DISCORD_TOKEN: 'abc',
      DISCORD_API_URL: 'http://127.0.0.1:9999/api/',
      DISCORD_GUILD_ID: '123456789012345678',
      LOG_LEVEL: 'silent',
    });
    expect(config).toMatchObject({
      discordToken: 'abc',
      discordApiUrl: 'http://127.0.0.1:9999/api',
      discordGuildId: '123456789012345678',
      logLevel: 'silent',
    });
  });
});
