/**
 * Token buckets per remote address: `burst` requests at once, refilled at `perSecond`. The table
 * is bounded: a subnet has few addresses, and when it still grows large the full buckets go.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  private refilled(key: string): { tokens: number; at: number } {
    const now = this.clock();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    return bucket;
  }

  /** Takes one token: 0 when allowed, else the seconds until one is back (nothing is taken then). */
  take(key: string): number {
    const bucket = this.refilled(key);
    if (bucket.tokens < 1) return (1 - bucket.tokens) / this.perSecond;
    bucket.tokens -= 1;
    if (this.buckets.size >= 4096 && !this.buckets.has(key)) this.prune();
    this.buckets.set(key, bucket);
    return 0;
  }

  /** The seconds until `key` may go on; 0 when it may now. Takes nothing. */
  waiting(key: string): number {
    if (!this.buckets.has(key)) return 0;
    const bucket = this.refilled(key);
    return bucket.tokens < 1 ? (1 - bucket.tokens) / this.perSecond : 0;
  }

  private prune(): void {
    for (const [key] of this.buckets) if (this.refilled(key).tokens >= this.burst) this.buckets.delete(key);
  }
}
