/**
 * The request-rate buckets in Redis, so that a key's or a user's rate holds
 * across every node (access/rate-limits.ts decides with them). One script
 * refills and takes from all of a request's buckets atomically; a refusal
 * takes nothing. A bucket unused for two seconds is full again, so it expires.
 * The time is the node's clock, as the local buckets use it.
 */
import type { SharedBuckets } from '../access/rate-limits.js';
import type { RedisLink } from './redis-link.js';

const TAKE = `
local now = tonumber(ARGV[1])
local tokens = {}
for i = 1, #KEYS do
  local rate = tonumber(ARGV[i + 1])
  local bucket = redis.call('HMGET', KEYS[i], 't', 'a')
  local t = tonumber(bucket[1]) or rate
  local at = tonumber(bucket[2]) or now
  tokens[i] = math.min(rate, t + math.max(0, now - at) / 1000 * rate)
end
for i = 1, #KEYS do
  if tokens[i] < 1 then return {0, i, tostring(tokens[i])} end
end
local out = {1}
for i = 1, #KEYS do
  redis.call('HSET', KEYS[i], 't', tostring(tokens[i] - 1), 'a', ARGV[1])
  redis.call('PEXPIRE', KEYS[i], 2000)
  out[#out + 1] = tostring(tokens[i] - 1)
end
return out
`;

export function redisRateBuckets(link: RedisLink): SharedBuckets {
  return {
    async take(buckets, ms) {
      const answer = await link.script<(number | string)[]>(TAKE, buckets.map((b) => `rate:${b.id}`), [ms, ...buckets.map((b) => b.rate)]);
      if (!answer) return undefined;
      if (Number(answer[0]) === 0) return { allowed: false, index: Number(answer[1]) - 1, tokens: Number(answer[2]) };
      return { allowed: true, tokens: answer.slice(1).map(Number) };
    },
  };
}
