import { describe, expect, it } from 'vitest';
import { parseCli, parseDuration, parseSize, UsageError } from './cli.ts';
import { DEFAULT_CONFIG } from './config.ts';

describe('command line', () => {
  it('defaults to loopback port 4040 with self-profiling and retention on', () => {
    const result = parseCli([]);
    expect(result).toEqual({ help: false, config: DEFAULT_CONFIG });
    expect(DEFAULT_CONFIG.host).toBe('127.0.0.1');
    expect(DEFAULT_CONFIG.selfProfile).toBe(true);
  });

  it('reads every flag', () => {
    const result = parseCli([
      '--port', '0', '--host', '::1', '--data', '/tmp/x', '--no-self-profile', '--no-build',
      '--cors-origin', 'http://a', '--cors-origin', 'http://b', '--retention-age', '12h', '--retention-size', '2GiB',
      '--max-body-size', '4MiB', '--max-profile-size', '64MB', '--max-db-size', '10GiB', '--self-profile-interval', '5s',
    ]);
    expect(result.help).toBe(false);
    if (result.help) return;
    expect(result.config).toMatchObject({
      port: 0, host: '::1', dataDir: '/tmp/x', selfProfile: false, buildApp: false, corsOrigins: ['http://a', 'http://b'],
      selfProfileIntervalMs: 5000,
      retention: { maxAgeMs: 12 * 3_600_000, maxBytes: 2 * 1024 ** 3 },
      limits: { maxBodyBytes: 4 * 1024 ** 2, maxProfileBytes: 64e6, maxDatabaseBytes: 10 * 1024 ** 3 },
    });
    expect(DEFAULT_CONFIG.port).toBe(4040); // defaults are not mutated
  });

  it('parses durations and sizes, and rejects nonsense', () => {
    expect(parseDuration('500ms', 'x')).toBe(500);
    expect(parseDuration('7d', 'x')).toBe(7 * 86_400_000);
    expect(parseDuration('90', 'x')).toBe(90_000);
    expect(parseSize('512KiB', 'x')).toBe(512 * 1024);
    expect(parseSize('1.5GB', 'x')).toBe(1.5e9);
    expect(() => parseSize('lots', '--max-db-size')).toThrow(/--max-db-size: expected a size/);
    expect(() => parseDuration('1w', '--retention-age')).toThrow(UsageError);
    expect(() => parseCli(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseCli(['--nope'])).toThrow(UsageError);
    expect(parseCli(['--help'])).toEqual({ help: true });
  });
});
