/**
 * Failed password attempts on guest comments, counted in a sliding window so nobody can guess
 * a four-character password by trying them all. Pure and in memory: the caller keeps one
 * limiter per server process and passes the clock in (tests pass their own).
 *
 * Why in memory and not in the database: the counts only matter for minutes, losing them on a
 * restart gives a guesser one more small window at most, and checking them costs nothing on the
 * path every edit and delete takes. With several app instances each counts on its own, so the
 * real limit is the limit times the instances; a shared store (the database or Redis) is the
 * next step for a site that runs many.
 */
export type AttemptLimiterOptions = {
  /** Failures allowed in the window; the next attempt waits. */
  limit: number;
  windowMs: number;
  /** Keys kept at most; the oldest are forgotten first, so memory stays bounded under attack. */
  maxKeys?: number;
};

export class AttemptLimiter {
  readonly #failures = new Map<string, number[]>();
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #maxKeys: number;

  constructor({ limit, windowMs, maxKeys = 10_000 }: AttemptLimiterOptions) {
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#maxKeys = maxKeys;
  }

  #recent(key: string, now: number): number[] {
    const times = this.#failures.get(key);
    if (!times) return [];
    const recent = times.filter((time) => now - time < this.#windowMs);
    if (recent.length === 0) this.#failures.delete(key);
    else if (recent.length !== times.length) this.#failures.set(key, recent);
    return recent;
  }

  /** Milliseconds until the key may try again; 0 when it may try now. */
  retryAfterMs(key: string, now: number): number {
    const recent = this.#recent(key, now);
    if (recent.length < this.#limit) return 0;
    return recent[recent.length - this.#limit] + this.#windowMs - now;
  }

  recordFailure(key: string, now: number): void {
    const recent = this.#recent(key, now);
    this.#failures.delete(key);
    this.#failures.set(key, [...recent, now].slice(-this.#limit));
    if (this.#failures.size > this.#maxKeys) this.#evict(now);
  }

  clear(key: string): void {
    this.#failures.delete(key);
  }

  get size(): number {
    return this.#failures.size;
  }

  /** Forgets expired keys, then the least recently failed ones, down to the cap. */
  #evict(now: number): void {
    for (const key of [...this.#failures.keys()]) this.#recent(key, now);
    for (const key of this.#failures.keys()) {
      if (this.#failures.size <= this.#maxKeys) break;
      this.#failures.delete(key);
    }
  }
}
