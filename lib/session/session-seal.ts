import { sealData } from "iron-session";
import { checkApiKeyFormat } from "./api-key-format";
import { isSessionId, type SessionStamp } from "./session-records";
import {
  isWorkspaceId,
  MAX_LABEL_LENGTH,
  MAX_WORKSPACES,
  type SessionWorkspace,
  type WorkspaceSet,
} from "./workspaces";

/**
 * What the session cookie's seal holds, and how it is read back: the workspaces with their keys,
 * which one is active, and the session's stamp. Everything read from a seal is checked again
 * here, although only this server can seal: a seal written by an older version (one key, no
 * workspaces) reads as a session of one workspace, so a deploy signs nobody out.
 */

export interface SessionContents extends WorkspaceSet, SessionStamp {}

interface SealedShape {
  workspaces: SessionWorkspace[];
  active: string;
  sessionId: string;
  issuedAtMs: number;
}

/** Browsers keep about this many bytes per cookie, counting its name and attributes. */
export const MAX_SESSION_COOKIE_BYTES = 4_096;

/** The handle a seal written before workspaces existed gives its one key. */
export const SINGLE_KEY_WORKSPACE_ID = "00000000";
const SINGLE_KEY_LABEL = "Workspace 1";

export function sealSessionContents(
  contents: SessionContents,
  password: string,
  ttlSeconds: number,
): Promise<string> {
  const shape: SealedShape = {
    workspaces: contents.workspaces.map(({ id, label, apiKey }) => ({ id, label, apiKey })),
    active: contents.activeId,
    sessionId: contents.sessionId,
    issuedAtMs: contents.issuedAtMs,
  };
  return sealData(shape, { password, ttl: ttlSeconds });
}

/** The session an unsealed cookie describes, or null for anything not exactly of our shapes. */
export function readSessionContents(data: Record<string, unknown>): SessionContents | null {
  const { sessionId, issuedAtMs } = data;
  if (!isSessionId(sessionId)) return null;
  if (typeof issuedAtMs !== "number" || !Number.isSafeInteger(issuedAtMs)) return null;
  const set = readWorkspaces(data);
  return set ? { ...set, sessionId, issuedAtMs } : null;
}

function readWorkspaces(data: Record<string, unknown>): WorkspaceSet | null {
  if (data.workspaces === undefined && typeof data.apiKey === "string") {
    const apiKey = readKey(data.apiKey);
    if (!apiKey) return null;
    const only = { id: SINGLE_KEY_WORKSPACE_ID, label: SINGLE_KEY_LABEL, apiKey };
    return { workspaces: [only], activeId: only.id };
  }
  const { workspaces, active } = data;
  if (!Array.isArray(workspaces) || workspaces.length === 0) return null;
  if (workspaces.length > MAX_WORKSPACES) return null;
  const read: SessionWorkspace[] = [];
  for (const item of workspaces as unknown[]) {
    const workspace = readWorkspace(item);
    if (!workspace || read.some((other) => other.id === workspace.id)) return null;
    read.push(workspace);
  }
  if (typeof active !== "string" || !read.some((workspace) => workspace.id === active)) {
    return null;
  }
  return { workspaces: read, activeId: active };
}

function readWorkspace(item: unknown): SessionWorkspace | null {
  if (typeof item !== "object" || item === null) return null;
  const { id, label, apiKey } = item as Record<string, unknown>;
  if (!isWorkspaceId(id) || typeof label !== "string") return null;
  if (label === "" || Array.from(label).length > MAX_LABEL_LENGTH) return null;
  const key = readKey(apiKey);
  return key ? { id, label, apiKey: key } : null;
}

function readKey(value: unknown): string | null {
  const format = checkApiKeyFormat(value);
  return format.ok && format.key === value ? format.key : null;
}

/** The `Set-Cookie` line the browser has to keep, in bytes: name, value and every attribute. */
export function setCookieBytes(name: string, sealed: string, maxAgeSeconds: number): number {
  const expires = new Date(Date.now() + maxAgeSeconds * 1000).toUTCString();
  const line = `${name}=${sealed}; Path=/; Expires=${expires}; Max-Age=${maxAgeSeconds}; Secure; HttpOnly; SameSite=lax`;
  return Buffer.byteLength(line, "utf8");
}
