/**
 * A seeded random source (mulberry32): the same seed gives the same calls,
 * ring times and talk times, so a simulation can be replayed and tested.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    const lo = Math.min(min, max);
    const hi = Math.max(min, max);
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** True with the given percent chance. */
  percent(p: number): boolean {
    return this.next() * 100 < p;
  }

  /** Seconds until the next of a stream of events at `perMinute` on average (exponential gaps). */
  gapSeconds(perMinute: number): number {
    return -Math.log(1 - this.next()) * (60 / perMinute);
  }
}
