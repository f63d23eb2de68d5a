/**
 * Which agents have a screen connected. A session started from the screen
 * ends when its last screen has been gone for the timeout (a closed tab, a
 * lost network); a reload or a reconnect within it keeps the session.
 * Sessions started elsewhere (the CLI, the demo seed) have no screen to lose.
 */
import type { Cancel, Scheduler } from '../telephony/scheduler.js';

export class Presence {
  private readonly sockets = new Map<string, number>();
  private readonly fromScreen = new Set<string>();
  private readonly pending = new Map<string, Cancel>();

  constructor(
    private readonly scheduler: Scheduler,
    private readonly timeoutMs: number,
    private readonly onTimeout: (user: string) => Promise<void>,
  ) {}

  /** The session was started from a screen: it may time out. */
  startedFromScreen(user: string): void {
    this.fromScreen.add(user);
  }

  ended(user: string): void {
    this.fromScreen.delete(user);
    this.pending.get(user)?.();
    this.pending.delete(user);
  }

  connected(user: string): void {
    this.sockets.set(user, (this.sockets.get(user) ?? 0) + 1);
    this.pending.get(user)?.();
    this.pending.delete(user);
  }

  disconnected(user: string): void {
    const left = (this.sockets.get(user) ?? 1) - 1;
    if (left > 0) {
      this.sockets.set(user, left);
      return;
    }
    this.sockets.delete(user);
    if (!this.fromScreen.has(user)) return;
    this.pending.set(
      user,
      this.scheduler.after(this.timeoutMs, async () => {
        this.pending.delete(user);
        if (this.sockets.has(user)) return;
        this.fromScreen.delete(user);
        await this.onTimeout(user);
      }),
    );
  }

  connectedCount(): number {
    let n = 0;
    for (const count of this.sockets.values()) n += count;
    return n;
  }
}
