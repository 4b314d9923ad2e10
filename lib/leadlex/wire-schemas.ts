import "server-only";
import { z } from "zod";
import { runStatuses } from "@/lib/model/run";

/**
 * The LeadLex wire format, as documented in `docs/leadlex-api.md` terms. Every upstream body is
 * parsed here before anything reads it; unknown extra fields are dropped, not trusted. Where the
 * docs are loose (nullable vs missing), both forms are accepted. Nesting depth, string lengths and
 * rows per page are bounded before this, in `upstream-bounds.ts`.
 */

const isoInstant = z
  .string()
  .max(64)
  .refine((value) => !Number.isNaN(Date.parse(value)), "not an ISO 8601 timestamp");

const nullableString = z
  .string()
  .nullish()
  .transform((value) => value ?? null);

export const wireWorkflowSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(10_000),
  enabled: z.boolean(),
  condition_entity: z.string().max(200),
  condition_field: z.string().max(10_000).nullish(),
  condition_operator: z.string().max(200).nullish(),
  condition_value: z.union([z.string(), z.number(), z.boolean()]).nullish(),
  action_type: z.string().max(200),
  action_config: z.record(z.string(), z.unknown()).nullish(),
  max_triggers_per_day: z.number().int().nonnegative().nullish(),
  last_triggered_at: isoInstant.nullish(),
  created_at: isoInstant.nullish(),
});

export const wireWorkflowDetailSchema = wireWorkflowSchema.extend({
  triggers_today: z.number().int().nonnegative().nullish(),
  auto_disabled_reason: nullableString,
  updated_at: isoInstant.nullish(),
});

const wireMetaSchema = z.object({
  page: z.number().int().min(1),
  per_page: z.number().int().min(1),
  total: z.number().int().nonnegative(),
});

export const wireWorkflowListSchema = z.object({
  data: z.object({ workflows: z.array(wireWorkflowSchema) }),
  meta: wireMetaSchema,
});

/** The docs put the object directly under `data`; accept `data.workflow` too. */
export const wireWorkflowGetSchema = z.object({
  data: z.union([z.object({ workflow: wireWorkflowDetailSchema }), wireWorkflowDetailSchema]),
});

export const wireLogEntrySchema = z.object({
  id: z.string().min(1).max(200),
  workflow_id: z.string().max(200),
  triggered_at: isoInstant,
  entity_type: z.string().max(200),
  // Display-only text: a freak value (LeadLex has sent 10,005 characters) must not make a whole
  // page of runs unreadable. `upstream-bounds.ts` caps every string; the UI wraps long text.
  entity_id: z.string(),
  status: z.enum(runStatuses),
  skip_reason: nullableString,
  action_result: z.unknown().optional(),
  error: z.object({ code: z.string().max(1_000), message: z.string().nullish() }).nullish(),
  duration_ms: z.number().nonnegative().nullish(),
});

export const wireLogListSchema = z.object({
  data: z.object({ logs: z.array(wireLogEntrySchema) }),
  meta: wireMetaSchema,
});

export const wireErrorSchema = z.object({
  error: z.object({ code: z.string().max(200), message: z.string().max(2_000).optional() }),
});

export type WireWorkflow = z.infer<typeof wireWorkflowSchema>;
export type WireWorkflowDetail = z.infer<typeof wireWorkflowDetailSchema>;
export type WireLogEntry = z.infer<typeof wireLogEntrySchema>;
export type WireMeta = z.infer<typeof wireMetaSchema>;
