import { describe, expect, it } from "vitest";
import { REPLICA_VIEWS, userWalk } from "./replica-users";

describe("the replica section's users", () => {
  it("walk the same pages in every run", () => {
    expect(userWalk(3, 20)).toEqual(userWalk(3, 20));
    expect(userWalk(3, 20)).not.toEqual(userWalk(4, 20));
  });

  it("spread a full run's 400 views over every page, none taking a large share", () => {
    const counts = new Map<string, number>();
    for (let user = 0; user < 20; user++) {
      for (const path of userWalk(user, 20)) counts.set(path, (counts.get(path) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([...REPLICA_VIEWS].sort());
    // A fair share is 25 views; a walk that collapsed onto a few pages would overlap far more
    // than users do and flatter the cache.
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(50);
  });
});
