/**
 * The size of one request (what is queued between two syncs). Excel on the web refuses requests over
 * 5 MB; keeping each under 1 MB leaves room for Office.js's own envelope and for slow connections.
 */

export const REQUEST_LIMIT_BYTES = 1_000_000;
/** What Office.js adds around each queued call's arguments (object path, action ids): a generous guess. */
export const CALL_OVERHEAD_BYTES = 200;

const encoder = new TextEncoder();

/** Bytes of a value as it travels: UTF-8 JSON. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? "").length;
}

/**
 * Counts what has been queued since the last sync, and syncs only when the next call would not fit:
 * a small workbook goes out in a single request, a large one in as few 1 MB requests as it takes.
 */
export class RequestBudget {
  private queued = 0;
  private syncCount = 0;

  constructor(
    private readonly sync: () => Promise<void>,
    readonly limit: number = REQUEST_LIMIT_BYTES
  ) {}

  /** Room left in the current request for call arguments (the overhead of one call already counted). */
  get room(): number {
    return this.limit - this.queued - CALL_OVERHEAD_BYTES;
  }

  get isFresh(): boolean {
    return this.queued === 0;
  }

  get syncs(): number {
    return this.syncCount;
  }

  /** Call before queuing a call whose arguments weigh `bytes`; the caller then queues it. */
  async reserve(bytes: number): Promise<void> {
    if (!this.isFresh && bytes > this.room) await this.flush();
    this.queued += bytes + CALL_OVERHEAD_BYTES;
  }

  /** Sends what is queued, if anything. */
  async flush(): Promise<void> {
    if (this.isFresh) return;
    // Counted as spent before the sync: if it throws, nothing is sent again by a later flush.
    this.queued = 0;
    this.syncCount += 1;
    await this.sync();
  }
}
