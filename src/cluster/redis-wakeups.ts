/**
 * Wake-ups over Redis pub/sub: after each commit a node announces "the event
 * log has grown to id N"; the others read the log. Only the wake-up travels:
 * the events themselves are read from the database, so a lost message costs
 * latency (the follower's safety poll), never an event.
 */
import type { Wakeups } from '../events/event-log.js';
import type { RedisLink } from './redis-link.js';

const CHANNEL = 'events';

export function redisWakeups(link: RedisLink, nodeId: string): Wakeups {
  const own = `${nodeId} `;
  return {
    get up() {
      return link.up;
    },
    announce(lastId) {
      link.publish(CHANNEL, `${own}${lastId}`);
    },
    listen(onWake, onState) {
      // This node's own commits were delivered when they committed.
      link.on(CHANNEL, (message) => !message.startsWith(own) && onWake());
      link.onState(onState);
    },
  };
}
