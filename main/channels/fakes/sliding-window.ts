/** A per-key sliding-window counter, as the fake WeCom servers enforce their limits. */
export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(
    public limit: number,
    public windowMs: number,
  ) {}

  /** Counts a hit at `now` unless the key already has `limit` hits in the window. */
  tryHit(key: string, now: number): boolean {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return true;
  }
}
