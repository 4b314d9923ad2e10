// The log behind GET /__emulator/requests: what reached the "upstream", so browser and load tests
// can assert on it. A fixed-size ring keeps memory flat however long a load test runs.

export const REQUEST_LOG_CAPACITY = 20_000;

export interface RequestLogEntry {
  seq: number;
  method: string;
  /** The request target exactly as received, query string included. */
  rawUrl: string;
  path: string;
  query: Record<string, string[]>;
  /** The demo key's label, `unknown` or `none`; never the key. */
  keyLabel: string;
  /** The `X-Request-ID` of the answer: ties what a client was served to the call that made it. */
  requestId: string;
  /** HTTP status sent; null while in flight or when the connection ended without a response. */
  status: number | null;
  /** Epoch ms with sub-ms precision, so tests can prove two calls overlapped. */
  startedAt: number;
  finishedAt: number | null;
  /**
   * The emulator clock instant (epoch ms) the answer's data was read at; null when the call got
   * no data answer (refused before it, a fault id, still in flight). POST /__emulator/replay
   * recomputes that answer exactly.
   */
  asOfMs: number | null;
}

export function preciseNowMs(): number {
  return performance.timeOrigin + performance.now();
}

export class RequestLog {
  private readonly ring: (RequestLogEntry | undefined)[];
  private next = 0;
  private size = 0;
  // seq keeps counting across clears so an entry is never confused with an older one.
  private seq = 0;

  constructor(private readonly capacity = REQUEST_LOG_CAPACITY) {
    this.ring = new Array<RequestLogEntry | undefined>(capacity);
  }

  start(
    fields: Omit<RequestLogEntry, "seq" | "status" | "finishedAt" | "asOfMs">,
  ): RequestLogEntry {
    this.seq += 1;
    const entry: RequestLogEntry = {
      seq: this.seq,
      ...fields,
      status: null,
      finishedAt: null,
      asOfMs: null,
    };
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
    return entry;
  }

  /** Oldest first. */
  entries(): RequestLogEntry[] {
    const out: RequestLogEntry[] = [];
    const first = (this.next - this.size + this.capacity) % this.capacity;
    for (let i = 0; i < this.size; i++) {
      const entry = this.ring[(first + i) % this.capacity];
      if (entry !== undefined) out.push(entry);
    }
    return out;
  }

  find(seq: number): RequestLogEntry | undefined {
    return this.entries().find((entry) => entry.seq === seq);
  }

  clear(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.size = 0;
  }
}
