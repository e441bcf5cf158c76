import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { freePort } from '../testing/server-process.ts';
import { testRedisUrl } from '../testing/redis-test.ts';
import { connectRedis, redactRedisUrl } from './redis-connections.ts';

const quiet = pino({ level: 'silent' });

describe('the connections to Redis', () => {
  it('refuse the start with a clear message when Redis cannot be reached, without the password', async () => {
    const port = await freePort();
    const started = Date.now();
    await expect(connectRedis(`redis://:hunter2-secret@127.0.0.1:${port}`, quiet)).rejects.toThrow(
      new RegExp(`^Redis at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port} cannot be reached`),
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('open three named connections and close them all', async () => {
    const redis = await connectRedis(testRedisUrl(), quiet);
    const names = String(await redis.commands.client('LIST'));
    for (const name of ['keluh-commands', 'keluh-publisher', 'keluh-subscriber']) expect(names).toContain(`name=${name}`);
    await redis.close();
    expect([redis.commands.status, redis.publisher.status, redis.subscriber.status]).toEqual(['end', 'end', 'end']);
  });

  it('keep user names and hosts in logged URLs, and hide passwords', () => {
    expect(redactRedisUrl('redis://app:pw@cache.internal:6380/2')).toBe('redis://app:***@cache.internal:6380/2');
    expect(redactRedisUrl('redis://cache.internal:6379')).toBe('redis://cache.internal:6379');
  });
});
