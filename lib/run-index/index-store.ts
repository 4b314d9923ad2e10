import { randomUUID } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { KeyScope, SealedStore } from "@/lib/store/sealed-store";
import { RunIndex } from "./run-index";
import type { RunIndexOptions, RunIndexSnapshot } from "./run-index";

/**
 * Where one key's run index lives: in the sealed store, under the key's namespace (so sign-out's
 * purge removes it with everything else), one entry per workflow plus a small manifest naming
 * each entry's version. A sync rewrites only the workflows it changed.
 *
 * Each process keeps the indexes it used last, and reuses one while the manifest still names the
 * versions it was built from; another replica's write (or a purge) changes the manifest, and the
 * index is read again. Every use rewrites the manifest, and every sync the workflows it touched,
 * so an index nobody asks about expires `idleTtlMs` after its last use.
 */

export const DEFAULT_IDLE_TTL_MS = 24 * 60 * 60_000;

const KIND = "runindex1";
const MANIFEST = "manifest";
/** Indexes kept parsed in this process; each is bounded in bytes by its own maxBytes. */
const CACHED_INDEXES = 8;

interface Manifest {
  /** Changes when the index starts afresh (first use, or after a purge): jobs of an older one stop. */
  epoch: string;
  droppedBeforeMs: number | null;
  versions: Record<string, string>;
}

type WorkflowEntry = RunIndexSnapshot["workflows"][number];

export interface OpenedIndex {
  index: RunIndex;
  epoch: string;
}

export interface IndexStore {
  /**
   * The key's index as stored (a fresh, empty one when nothing is). `touch: false` only reads: a
   * view that peeks at what is held neither keeps the index alive nor creates one.
   */
  open(scope: KeyScope, options?: { touch?: boolean }): Promise<OpenedIndex>;
  /**
   * Writes these workflows' runs and coverage, unless the index was purged or restarted since it
   * was opened (then false, and nothing is written: a sign-out must not be undone by a late sync).
   */
  save(scope: KeyScope, opened: OpenedIndex, workflowIds: readonly string[]): Promise<boolean>;
}

export interface IndexStoreOptions extends RunIndexOptions {
  idleTtlMs?: number;
}

export function createIndexStore(store: SealedStore, options: IndexStoreOptions = {}): IndexStore {
  const idleTtlMs = options.idleTtlMs ?? DEFAULT_IDLE_TTL_MS;
  const cache = new LRUCache<string, { opened: OpenedIndex; versions: Record<string, string> }>({
    max: CACHED_INDEXES,
  });

  async function readJson<T>(scope: KeyScope, name: string): Promise<T | null> {
    const bytes = await store.get(scope, KIND, name);
    if (bytes === null) return null;
    try {
      return JSON.parse(bytes.toString("utf8")) as T;
    } catch {
      return null;
    }
  }

  const writeJson = (scope: KeyScope, name: string, value: unknown) =>
    store.set(scope, KIND, name, Buffer.from(JSON.stringify(value)), idleTtlMs);

  async function load(scope: KeyScope, manifest: Manifest): Promise<RunIndex> {
    const entries = await Promise.all(
      Object.keys(manifest.versions).map((workflowId) =>
        readJson<WorkflowEntry>(scope, `wf ${workflowId}`),
      ),
    );
    return RunIndex.fromSnapshot(
      {
        version: 1,
        droppedBeforeMs: manifest.droppedBeforeMs,
        // An entry that expired or did not open is simply not held: its window is filled again.
        workflows: entries.filter((entry): entry is WorkflowEntry => entry !== null),
      },
      options,
    );
  }

  return {
    async open(scope, { touch = true } = {}) {
      let manifest = await readJson<Manifest>(scope, MANIFEST);
      if (manifest === null) {
        manifest = { epoch: randomUUID(), droppedBeforeMs: null, versions: {} };
      }
      const cached = cache.get(scope.namespace);
      let opened: OpenedIndex;
      if (
        cached !== undefined &&
        cached.opened.epoch === manifest.epoch &&
        sameVersions(cached.versions, manifest.versions)
      ) {
        opened = cached.opened;
      } else {
        opened = { index: await load(scope, manifest), epoch: manifest.epoch };
        cache.set(scope.namespace, { opened, versions: manifest.versions });
      }
      // Touching the manifest is what keeps a used index from expiring.
      if (touch) await writeJson(scope, MANIFEST, manifest);
      return opened;
    },

    async save(scope, opened, workflowIds) {
      const manifest = await readJson<Manifest>(scope, MANIFEST);
      if (manifest === null || manifest.epoch !== opened.epoch) {
        cache.delete(scope.namespace);
        return false;
      }
      const snapshot = opened.index.toSnapshot();
      const wanted = new Set(workflowIds);
      const versions = { ...manifest.versions };
      await Promise.all(
        snapshot.workflows
          .filter((entry) => wanted.has(entry.workflowId))
          .map((entry) => {
            versions[entry.workflowId] = randomUUID();
            return writeJson(scope, `wf ${entry.workflowId}`, entry);
          }),
      );
      const next: Manifest = {
        epoch: manifest.epoch,
        droppedBeforeMs: snapshot.droppedBeforeMs,
        versions,
      };
      await writeJson(scope, MANIFEST, next);
      cache.set(scope.namespace, { opened, versions });
      return true;
    },
  };
}

function sameVersions(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
