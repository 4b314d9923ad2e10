"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { serverEnv, upstreamIsLocalEmulator } from "@/lib/config/server-env";
import { clientAddress } from "@/lib/http/client-address";
import { quotaLayer } from "@/lib/quota-layer";
import { logServerEvent } from "@/lib/server-log";
import { formatWait } from "@/lib/format/wait";
import type { AppError } from "@/lib/model/app-error";
import { checkApiKeyFormat } from "./api-key-format";
import { logFailedAttempt, throttledKeyCheck } from "./connect-attempts";
import { demoKeyFor } from "./demo-keys";
import { safeNextPath } from "./safe-next-path";
import { endSession, storeApiKey } from "./session";

/**
 * Connecting and disconnecting. Server Actions get Next's Origin check against cross-site posts;
 * the form data is still parsed here, never trusted. The key is never sent back to the page.
 */

export interface ConnectFormState {
  message: string | null;
}

const connectFormSchema = z.object({
  // Read generously here (Next already caps an action's body at 1 MB), so that a pasted blob of
  // any size gets `checkApiKeyFormat`'s precise "too long" rather than "could not be read".
  apiKey: z.string().max(1_000_000).optional(),
  demo: z.string().max(40).optional(),
  next: z.string().max(2_000).optional(),
});

const UNREADABLE_FORM: ConnectFormState = {
  message: "That form could not be read. Paste your key again.",
};

export async function saveApiKey(
  _previous: ConnectFormState,
  formData: FormData,
): Promise<ConnectFormState> {
  // Anyone can post an action with arguments of their choosing; only a form is a form.
  if (!(formData instanceof FormData)) return UNREADABLE_FORM;
  const parsed = connectFormSchema.safeParse({
    apiKey: formData.get("apiKey") ?? undefined,
    demo: formData.get("demo") ?? undefined,
    next: formData.get("next") ?? undefined,
  });
  if (!parsed.success) return UNREADABLE_FORM;

  const demoKey =
    parsed.data.demo && upstreamIsLocalEmulator() ? demoKeyFor(parsed.data.demo) : null;
  const format = checkApiKeyFormat(demoKey ?? parsed.data.apiKey);
  if (!format.ok) {
    logFailedAttempt(clientAddress(await headers(), serverEnv().TRUST_FORWARDED_FOR), "key_format");
    return { message: format.message };
  }

  // The cheapest call that proves the key works and has the scope. Never answered from the
  // cache: a key revoked since its last check must not connect on an old "valid".
  const refusal = await throttledKeyCheck(format.key, async () => {
    const answer = await quotaLayer().listWorkflows(
      format.key,
      { page: 1, perPage: 1, enabled: null, entity: null, search: null },
      { fresh: true },
    );
    return answer.rateLimit?.limit ?? null;
  });
  if (refusal) return { message: refusalMessage(refusal) };

  await storeApiKey(format.key);
  redirect(safeNextPath(parsed.data.next));
}

export async function forgetApiKey(): Promise<void> {
  const { apiKey, revoked } = await endSession();
  if (!revoked) logServerEvent("warn", "sign_out_revoke_failed", { reason: "store unavailable" });
  // The key's cached answers and ledger go with it (for every session of that key).
  if (apiKey && !(await quotaLayer().forgetKey(apiKey))) {
    logServerEvent("warn", "sign_out_purge_failed", { reason: "store unavailable" });
  }
  redirect("/connect");
}

/** The error's own words; a rate limit also says how long to wait before trying again. */
function refusalMessage(error: AppError): string {
  const waited = error.code === "rate_limited" || error.code === "too_many_attempts";
  if (waited && error.retryAfterSeconds !== null) {
    return `${error.message} Try again in ${formatWait(error.retryAfterSeconds)}.`;
  }
  return error.message;
}
