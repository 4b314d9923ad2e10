"use server";

import { revalidatePath } from "next/cache";
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
import { demoKeyFor, demoWorkspaceLabelFor } from "./demo-keys";
import { safeNextPath } from "./safe-next-path";
import {
  endSession,
  newWorkspaceId,
  readSession,
  storeWithoutRemoved,
  storeWorkspaces,
} from "./session";
import type { SessionContents } from "./session-seal";
import {
  activeWorkspace,
  checkWorkspaceLabel,
  isWorkspaceId,
  refuseNewKey,
  withActive,
  withoutWorkspace,
  withWorkspaceAdded,
} from "./workspaces";

/**
 * Connecting, adding and switching workspaces, and disconnecting. Server Actions get Next's Origin
 * check against cross-site posts (and `proxy.ts`'s before it); the form data is still parsed here,
 * never trusted. No key is ever sent back to the page.
 */

export interface ConnectFormState {
  message: string | null;
}

const connectFormSchema = z.object({
  // Read generously here (Next already caps an action's body at 1 MB), so that a pasted blob of
  // any size gets `checkApiKeyFormat`'s precise "too long" rather than "could not be read".
  apiKey: z.string().max(1_000_000).optional(),
  demo: z.string().max(40).optional(),
  // Bounded again, with a message, by `checkWorkspaceLabel`.
  label: z.string().max(1_000).optional(),
  next: z.string().max(2_000).optional(),
});

const TOO_BIG_FOR_THE_COOKIE: ConnectFormState = {
  message:
    "These keys no longer fit in one session cookie (browsers keep at most 4 KB per cookie). Remove a workspace, or choose a shorter name.",
};

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
    label: formData.get("label") ?? undefined,
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
  // A session this browser already has gains the key; checked before LeadLex is asked, so a
  // repeated key or a full session spends no call.
  const session = await readSession();
  const existing = session?.workspaces ?? [];
  const keyRefusal = refuseNewKey(existing, format.key);
  if (keyRefusal) return { message: keyRefusal };
  const label = checkWorkspaceLabel(
    parsed.data.label || (demoKey ? demoWorkspaceLabelFor(parsed.data.demo) : undefined),
    existing,
  );
  if (!label.ok) return { message: label.message };

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

  const added = { id: unusedWorkspaceId(existing), label: label.label, apiKey: format.key };
  if (!(await storeWorkspaces(withWorkspaceAdded(session, added), session))) {
    return TOO_BIG_FOR_THE_COOKIE;
  }
  if (session) revalidatePath("/", "layout");
  redirect(safeNextPath(parsed.data.next));
}

const switchFormSchema = z.object({
  workspace: z.string().refine(isWorkspaceId),
  next: z.string().max(2_000).optional(),
});

/**
 * Makes another of the session's workspaces the active one. Every page and answer is fetched
 * with the active key, so the next page is that workspace's; the browser's router cache is
 * dropped too, so Back shows nothing fetched with the previous key.
 */
export async function switchWorkspace(formData: FormData): Promise<void> {
  if (!(formData instanceof FormData)) redirect("/");
  const parsed = switchFormSchema.safeParse({
    workspace: formData.get("workspace"),
    next: formData.get("next") ?? undefined,
  });
  const session = await readSession();
  if (!session) redirect("/connect");
  // A form from another tab may name a workspace removed since: then nothing changes.
  const switched = parsed.success ? withActive(session, parsed.data.workspace) : null;
  if (switched && switched.activeId !== session.activeId) {
    await storeWorkspaces(switched, session);
    revalidatePath("/", "layout");
  }
  redirect(safeNextPath(parsed.success ? parsed.data.next : undefined));
}

/**
 * Removes the active workspace from the session: its key's cached answers and run index are
 * purged, the other workspaces stay (the first becomes active), and the session goes on under a
 * new id so that a copy of the cookie taken before, which still holds the removed key, is
 * refused. Removing the last one is signing out.
 */
export async function removeActiveWorkspace(): Promise<void> {
  const session = await readSession();
  if (!session) redirect("/connect");
  const removed = activeWorkspace(session);
  const rest = withoutWorkspace(session, removed.id);
  if (!rest) return signOut(session);
  const { revoked } = await storeWithoutRemoved(rest, session);
  if (!revoked) logServerEvent("warn", "sign_out_revoke_failed", { reason: "store unavailable" });
  await forgetKeys([removed.apiKey]);
  revalidatePath("/", "layout");
  redirect("/");
}

/** Signs out of every workspace of the session. */
export async function forgetApiKey(): Promise<void> {
  return signOut(await readSession());
}

async function signOut(session: SessionContents | null): Promise<never> {
  const { apiKeys, revoked } = await endSession(session);
  if (!revoked) logServerEvent("warn", "sign_out_revoke_failed", { reason: "store unavailable" });
  await forgetKeys(apiKeys);
  redirect("/connect");
}

/** The keys' cached answers, ledger and run index go with them (for every session of each key). */
async function forgetKeys(apiKeys: readonly string[]): Promise<void> {
  const purged = await Promise.all(apiKeys.map((apiKey) => quotaLayer().forgetKey(apiKey)));
  if (purged.includes(false)) {
    logServerEvent("warn", "sign_out_purge_failed", { reason: "store unavailable" });
  }
}

function unusedWorkspaceId(existing: readonly { id: string }[]): string {
  for (;;) {
    const id = newWorkspaceId();
    if (!existing.some((workspace) => workspace.id === id)) return id;
  }
}

/** The error's own words; a rate limit also says how long to wait before trying again. */
function refusalMessage(error: AppError): string {
  const waited = error.code === "rate_limited" || error.code === "too_many_attempts";
  if (waited && error.retryAfterSeconds !== null) {
    return `${error.message} Try again in ${formatWait(error.retryAfterSeconds)}.`;
  }
  return error.message;
}
