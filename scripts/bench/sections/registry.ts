import { abandonedStorm } from "./abandoned-storm";
import { cachedRoute } from "./cached-route";
import { interaction } from "./interaction";
import { jsBudget } from "./js-budget";
import { lighthouseSection } from "./lighthouse";
import { payload } from "./payload";
import { renderThroughput } from "./render-throughput";
import { replicaUsers } from "./replica-users";
import { routeCost } from "./route-cost";
import { routeThroughput } from "./route-throughput";
import { runIndexSection } from "./run-index";
import type { BenchSection } from "./section";
import { triageSession } from "./triage-session";

/**
 * Every section, in the order a run measures them: latency first, while the emulator's request log
 * holds only the bench's own calls; then the sections with servers of their own (no browser);
 * browsers last. A new section is one module and one line here.
 */
export const SECTIONS: readonly BenchSection[] = [
  routeCost,
  routeThroughput,
  cachedRoute,
  renderThroughput,
  payload,
  runIndexSection,
  replicaUsers,
  abandonedStorm,
  triageSession,
  interaction,
  lighthouseSection,
  jsBudget,
];

/** The sections `--only` names, in registry order; every section when it names none. */
export function selectSections(
  all: readonly BenchSection[],
  only: readonly string[] | null,
): BenchSection[] {
  if (only === null) return [...all];
  const unknown = only.filter((name) => !all.some((section) => section.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown section${unknown.length > 1 ? "s" : ""} ${unknown.map((n) => `"${n}"`).join(", ")}; ` +
        `sections: ${all.map((section) => section.name).join(", ")}.`,
    );
  }
  return all.filter((section) => only.includes(section.name));
}
