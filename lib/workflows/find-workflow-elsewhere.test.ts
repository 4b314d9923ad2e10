import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/model/app-error";
import type { QuotaLayer } from "@/lib/quota-layer";
import type { SessionWorkspace } from "@/lib/session/workspaces";
import { findWorkflowElsewhere } from "./find-workflow-elsewhere";

const workspaces: SessionWorkspace[] = [
  { id: "initech0", label: "Initech", apiKey: "wbk_live_initech_key" },
  { id: "globex00", label: "Globex", apiKey: "wbk_live_globex_key_" },
  { id: "umbrella", label: "Umbrella", apiKey: "wbk_live_umbrella_ke" },
];

/** A LeadLex where each key knows some workflow ids, and records who asked for what. */
function layerKnowing(known: Record<string, string[]>) {
  const asked: string[] = [];
  const layer: Pick<QuotaLayer, "getWorkflow"> = {
    getWorkflow: async (apiKey, id) => {
      asked.push(`${apiKey} ${id}`);
      if (apiKey === "wbk_live_umbrella_ke") throw new AppError("key_expired");
      if (!known[apiKey]?.includes(id)) throw new AppError("not_found");
      return { id } as Awaited<ReturnType<QuotaLayer["getWorkflow"]>>;
    },
  };
  return { layer, asked };
}

describe("findWorkflowElsewhere", () => {
  it("names the first other workspace whose key knows the workflow, asking each key once", async () => {
    const { layer, asked } = layerKnowing({
      wbk_live_globex_key_: ["wf_01HY1"],
      wbk_live_initech_key: ["wf_other"],
    });
    expect(await findWorkflowElsewhere(layer, workspaces, "wf_01HY1")).toEqual({
      workspaceId: "globex00",
      label: "Globex",
    });
    expect(asked.sort()).toEqual([
      "wbk_live_globex_key_ wf_01HY1",
      "wbk_live_initech_key wf_01HY1",
      "wbk_live_umbrella_ke wf_01HY1",
    ]);
  });

  it("is null when no other key knows it, whatever the reason, and free without other keys", async () => {
    const { layer, asked } = layerKnowing({});
    expect(await findWorkflowElsewhere(layer, workspaces, "wf_nowhere")).toBeNull();
    expect(await findWorkflowElsewhere(layer, [], "wf_nowhere")).toBeNull();
    expect(asked).toHaveLength(3);
  });
});
