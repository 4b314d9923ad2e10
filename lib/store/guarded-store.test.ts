import { describe, expect, it, vi } from "vitest";
import { guardStore } from "./guarded-store";
import { createMemoryStore } from "./memory-store";
import { StoreUnavailableError, type Store } from "./store";

function flakyStore() {
  const inner = createMemoryStore({ maxBytes: 1024 * 1024 });
  const state = { failing: false, calls: 0 };
  const store: Store = {
    ...inner,
    async get(key) {
      state.calls += 1;
      if (state.failing) throw new StoreUnavailableError("Redis did not answer.");
      return inner.get(key);
    },
  };
  return { store, state };
}

describe("guardStore", () => {
  it("reports an outage once, fails fast while it lasts, and reports the recovery once", async () => {
    let now = 0;
    const { store, state } = flakyStore();
    const onDown = vi.fn();
    const onUp = vi.fn();
    const guarded = guardStore(store, { cooldownMs: 5_000, now: () => now, onDown, onUp });

    await expect(guarded.get("ns:a")).resolves.toBeNull();
    state.failing = true;
    for (let request = 0; request < 50; request++) {
      await expect(guarded.get("ns:a")).rejects.toBeInstanceOf(StoreUnavailableError);
      now += 10;
    }
    expect(onDown).toHaveBeenCalledTimes(1);
    // One real attempt, then 49 refusals without touching the engine.
    expect(state.calls).toBe(2);

    now += 5_000;
    await expect(guarded.get("ns:a")).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(state.calls).toBe(3);
    expect(onDown).toHaveBeenCalledTimes(1);

    state.failing = false;
    now += 5_001;
    await expect(guarded.get("ns:a")).resolves.toBeNull();
    await expect(guarded.get("ns:a")).resolves.toBeNull();
    expect(onUp).toHaveBeenCalledTimes(1);
  });

  it("passes other errors through without calling the store down", async () => {
    const guarded = guardStore(createMemoryStore({ maxBytes: 1024 }), {
      cooldownMs: 5_000,
      onDown: () => {
        throw new Error("should not be called");
      },
      onUp: () => {},
    });
    await expect(guarded.set("no-namespace", Buffer.from("x"), 1_000)).rejects.toThrow(/namespace/);
    await expect(guarded.get("ns:a")).resolves.toBeNull();
  });
});
