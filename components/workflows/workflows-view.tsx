"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import {
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
  type RefObject,
} from "react";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { RelativeTime } from "@/components/time/relative-time";
import { RefreshIcon, WarningIcon } from "@/components/ui/icons";
import { formatCount } from "@/lib/format/numbers";
import { toAppError } from "@/lib/model/app-error";
import { DEFAULT_PER_PAGE, MAX_SEARCH_LENGTH } from "@/lib/model/queries";
import { entityTypes, type EntityType } from "@/lib/model/workflow";
import { workflowsQueryOptions } from "@/lib/query/workflows-query";
import {
  describeWorkflowsMatch,
  hasWorkflowsFilters,
  PAGE_SIZES,
  readEntity,
  readSearch,
  serializeWorkflowsView,
  toWorkflowsQuery,
  workflowsViewParsers,
  type PageSize,
  type WorkflowsView as WorkflowsViewState,
} from "@/lib/url-state/workflows-view";
import { useUrlParams } from "@/lib/url-state/use-url-params";
import {
  cleanText,
  describeAction,
  describeTrigger,
  displayName,
} from "@/lib/workflows/describe-workflow";
import { isWorkflowId } from "@/lib/workflows/workflow-id";
import type { WorkflowListItem } from "@/lib/workflows/workflow-list";
import { WorkflowStateBadge } from "./workflow-state-badge";
import { retryButtonClass, WorkflowsErrorState } from "./workflows-error-state";

const AsOfRefresh = dynamic(() =>
  import("@/components/freshness/as-of-refresh").then((m) => m.AsOfRefresh),
);

/** Long enough that a word is typed before the list is asked for it; short enough to feel live. */
const SEARCH_DEBOUNCE_MS = 300;

const ENTITY_LABELS: Record<EntityType, string> = {
  contact: "Contact",
  deal: "Deal",
  task: "Task",
  email: "Email",
  meeting: "Meeting",
};

type SetView = ReturnType<typeof useUrlParams<typeof workflowsViewParsers>>[1];

/**
 * The workflow list: search, state and entity filters, the table and its pages, all read from and
 * written to the URL. The first page arrives hydrated from the server under the same query key;
 * later pages come from `/api/workflows`, with the previous rows kept on screen meanwhile.
 */
export function WorkflowsView() {
  const [view, setView] = useUrlParams(workflowsViewParsers);
  const query = toWorkflowsQuery(view);
  const queryClient = useQueryClient();
  const result = useQuery({ ...workflowsQueryOptions(query), placeholderData: keepPreviousData });
  const searchRef = useRef<HTMLInputElement>(null);

  const data = result.data;
  const refreshing = result.isFetching && result.isPlaceholderData;
  const filtered = hasWorkflowsFilters(view);

  function clearFilters() {
    void setView({ q: null, enabled: null, entity: null, page: null }, { history: "push" });
    // The button disappears with the empty state; keep keyboard focus somewhere useful.
    searchRef.current?.focus();
  }

  let body: ReactNode;
  if (!data && result.isError) {
    const error = toAppError(result.error);
    body = (
      <WorkflowsErrorState
        error={error.toBody().error}
        returnTo={`/${serializeWorkflowsView(view)}`}
        announce
        retry={
          <button type="button" onClick={() => void result.refetch()} className={retryButtonClass}>
            <RefreshIcon className="size-4" />
            Try again
          </button>
        }
      />
    );
  } else if (!data) {
    // Only before the first answer when the server prefetched nothing; later loads keep the rows.
    body = (
      <p className="py-8 text-center text-sm text-slate-600 dark:text-slate-400">
        Loading workflows…
      </p>
    );
  } else {
    const pageCount = Math.max(1, Math.ceil(data.meta.total / data.meta.perPage));
    body = (
      <>
        {result.isError ? (
          <p
            role="alert"
            className="mb-3 flex flex-wrap items-center gap-2 text-sm text-red-800 dark:text-red-300"
          >
            <WarningIcon className="size-4 shrink-0" />
            The list could not be refreshed: {toAppError(result.error).message}
            <button
              type="button"
              onClick={() => void result.refetch()}
              className="font-medium underline underline-offset-2"
            >
              Try again
            </button>
          </p>
        ) : null}
        {data.workflows.length === 0 ? (
          <EmptyState
            view={view}
            total={data.meta.total}
            pageCount={pageCount}
            onClearFilters={clearFilters}
            onGoToPage={(page) => void setView({ page }, { history: "push" })}
          />
        ) : (
          <WorkflowsTable workflows={data.workflows} busy={result.isFetching} dimmed={refreshing} />
        )}
        <DataTablePagination
          page={view.page}
          perPage={view.per_page}
          total={data.meta.total}
          pageSizes={PAGE_SIZES}
          itemLabel="workflows"
          onPageChange={(page) => void setView({ page }, { history: "push" })}
          onPageSizeChange={(size) =>
            void setView({ per_page: toPageSize(size), page: null }, { history: "push" })
          }
          onNextPageIntent={() => {
            if (view.page < pageCount) {
              void queryClient.prefetchQuery(
                workflowsQueryOptions({ ...query, page: view.page + 1 }, "intent"),
              );
            }
          }}
        />
      </>
    );
  }

  return (
    <section aria-labelledby="workflows-list-heading" className="space-y-3">
      <h2 id="workflows-list-heading" className="sr-only">
        Workflow list
      </h2>
      <Toolbar view={view} setView={setView} searchRef={searchRef} />
      <AsOfRefresh fetchedAt={data?.fetchedAt ?? null} target={{ view: "workflows", query }} />
      <p aria-live="polite" className="min-h-5 text-sm text-slate-600 dark:text-slate-400">
        {result.isFetching && !data
          ? "Loading workflows…"
          : refreshing
            ? "Updating the list…"
            : data
              ? describeWorkflowsMatch(view, data.meta.total) +
                (filtered ? "" : " in this workspace")
              : ""}
      </p>
      {body}
    </section>
  );
}

function toPageSize(size: number): PageSize {
  return (PAGE_SIZES as readonly number[]).includes(size)
    ? (size as PageSize)
    : (DEFAULT_PER_PAGE as PageSize);
}

interface ToolbarProps {
  view: WorkflowsViewState;
  setView: SetView;
  searchRef: RefObject<HTMLInputElement | null>;
}

function Toolbar({ view, setView, searchRef }: ToolbarProps) {
  const stateName = useId();
  const entityId = useId();
  return (
    <div className="flex flex-wrap items-end gap-x-4 gap-y-3">
      <SearchBox view={view} setView={setView} inputRef={searchRef} />

      <fieldset className="min-w-0">
        <legend className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-400">
          State
        </legend>
        <div className="inline-flex rounded-md border border-slate-300 p-0.5 dark:border-slate-700">
          {(
            [
              ["all", "All", null],
              ["enabled", "Enabled", true],
              ["disabled", "Disabled", false],
            ] as const
          ).map(([key, label, value]) => (
            <label
              key={key}
              className="cursor-pointer rounded px-3 py-1.5 text-sm text-slate-700 select-none hover:bg-slate-100 has-[:checked]:bg-sky-700 has-[:checked]:text-white has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-sky-600 dark:text-slate-300 dark:hover:bg-slate-800 dark:has-[:checked]:bg-sky-700 dark:has-[:checked]:text-white dark:has-[:focus-visible]:outline-sky-400"
            >
              <input
                type="radio"
                name={stateName}
                value={key}
                checked={view.enabled === value}
                onChange={() => void setView({ enabled: value, page: null }, { history: "push" })}
                className="sr-only"
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>

      <div>
        <label
          htmlFor={entityId}
          className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400"
        >
          Entity
        </label>
        <select
          id={entityId}
          value={view.entity ?? ""}
          onChange={(event) =>
            void setView(
              { entity: readEntity(event.target.value), page: null },
              { history: "push" },
            )
          }
          className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900"
        >
          <option value="">All entities</option>
          {entityTypes.map((entity) => (
            <option key={entity} value={entity}>
              {ENTITY_LABELS[entity]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

interface SearchBoxProps {
  view: WorkflowsViewState;
  setView: SetView;
  inputRef: RefObject<HTMLInputElement | null>;
}

/**
 * The text box keeps what is typed; the URL gets the cleaned search after a pause (replacing the
 * history entry, so typing does not fill the back button). `written` is the last search this box
 * put in the URL. When the URL's search changes to anything else, the change came from elsewhere
 * (Clear filters, Back) and replaces the text; the box's own writes never overwrite newer typing.
 */
function SearchBox({ view, setView, inputRef }: SearchBoxProps) {
  const inputId = useId();
  const [text, setText] = useState(view.q ?? "");
  const [written, setWritten] = useState(view.q);
  const [seen, setSeen] = useState(view.q);

  if (view.q !== seen) {
    setSeen(view.q);
    if (view.q !== written) {
      setWritten(view.q);
      setText(view.q ?? "");
    }
  }

  useEffect(() => {
    const search = readSearch(text);
    if (search === written) return;
    const timer = setTimeout(() => {
      setWritten(search);
      void setView({ q: search, page: null }, { history: "replace" });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, written, setView]);

  function submitNow(event: FormEvent) {
    event.preventDefault();
    const search = readSearch(text);
    if (search === written) return;
    setWritten(search);
    void setView({ q: search, page: null }, { history: "replace" });
  }

  return (
    <form role="search" onSubmit={submitNow} className="min-w-0 flex-1 basis-64">
      <label
        htmlFor={inputId}
        className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400"
      >
        Search workflows by name
      </label>
      <input
        ref={inputRef}
        id={inputId}
        type="search"
        value={text}
        maxLength={MAX_SEARCH_LENGTH}
        spellCheck={false}
        autoComplete="off"
        placeholder="e.g. lost deals"
        onChange={(event) => setText(event.target.value)}
        className="h-9 w-full rounded-md border border-slate-300 bg-white px-3 text-sm placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400"
      />
    </form>
  );
}

interface WorkflowsTableProps {
  workflows: WorkflowListItem[];
  /** A fetch is under way: assistive tech is told the table is about to change. */
  busy: boolean;
  /** The rows shown belong to the previous filters or page while the new ones load. */
  dimmed: boolean;
}

const cellClass = "px-3 py-2.5 align-top";

function WorkflowsTable({ workflows, busy, dimmed }: WorkflowsTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table aria-busy={busy} className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">
          Workflows, with their state, trigger, action and last run
        </caption>
        <thead className="bg-slate-50 text-xs font-medium text-slate-600 dark:bg-slate-900 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-3 py-2">
              Workflow
            </th>
            <th scope="col" className="px-3 py-2">
              State
            </th>
            <th scope="col" className="hidden px-3 py-2 lg:table-cell">
              Trigger <span aria-hidden="true">→</span>
              <span className="sr-only">and</span> action
            </th>
            <th scope="col" className="hidden px-3 py-2 whitespace-nowrap sm:table-cell">
              Last triggered
            </th>
          </tr>
        </thead>
        <tbody
          className={`divide-y divide-slate-200 transition-opacity dark:divide-slate-800 ${dimmed ? "opacity-60" : ""}`}
        >
          {workflows.map((workflow) => (
            <WorkflowRow key={workflow.id} workflow={workflow} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WorkflowRow({ workflow }: { workflow: WorkflowListItem }) {
  const name = displayName(workflow.name);
  const summary = (
    <>
      {describeTrigger(workflow)} <span aria-hidden="true">→</span>
      <span className="sr-only">, then:</span> {describeAction(workflow)}
    </>
  );
  const lastTriggered = workflow.lastTriggeredAt ? (
    <RelativeTime iso={workflow.lastTriggeredAt} />
  ) : (
    "Never"
  );
  return (
    <tr className="hover:bg-slate-50 dark:hover:bg-slate-900/60">
      <td className={`${cellClass} min-w-0`}>
        {isWorkflowId(workflow.id) ? (
          <Link
            href={`/workflows/${encodeURIComponent(workflow.id)}`}
            className="font-medium text-sky-700 underline-offset-2 [overflow-wrap:anywhere] hover:underline dark:text-sky-400"
          >
            {name}
          </Link>
        ) : (
          // Runboard cannot open an id outside the gateway's allowlist; show it without a link.
          <span className="font-medium [overflow-wrap:anywhere]">{name}</span>
        )}
        <div className="mt-0.5 font-mono text-xs text-slate-600 [overflow-wrap:anywhere] dark:text-slate-400">
          {cleanText(workflow.id, 64)}
        </div>
        <p className="mt-1 text-slate-700 [overflow-wrap:anywhere] lg:hidden dark:text-slate-300">
          {summary}
        </p>
        <p className="mt-1 text-xs text-slate-600 sm:hidden dark:text-slate-400">
          Last triggered {lastTriggered}
        </p>
      </td>
      <td className={cellClass}>
        <WorkflowStateBadge
          enabled={workflow.enabled}
          autoDisabledReason={workflow.autoDisabledReason}
        />
      </td>
      <td
        className={`${cellClass} hidden max-w-xl text-slate-700 [overflow-wrap:anywhere] lg:table-cell dark:text-slate-300`}
      >
        {summary}
      </td>
      <td
        className={`${cellClass} hidden whitespace-nowrap text-slate-700 sm:table-cell dark:text-slate-300`}
      >
        {lastTriggered}
      </td>
    </tr>
  );
}

interface EmptyStateProps {
  view: WorkflowsViewState;
  total: number;
  pageCount: number;
  onClearFilters: () => void;
  onGoToPage: (page: number) => void;
}

function EmptyState({ view, total, pageCount, onClearFilters, onGoToPage }: EmptyStateProps) {
  const buttonClass =
    "mt-3 inline-flex h-9 items-center rounded-md border border-slate-300 px-4 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";
  let title: string;
  let detail: string;
  let action: ReactNode = null;
  if (total > 0) {
    title = `Page ${formatCount(view.page)} is past the end of the list`;
    detail = `There ${pageCount === 1 ? "is 1 page" : `are ${formatCount(pageCount)} pages`} of ${formatCount(total)} workflows.`;
    action = (
      <button type="button" className={buttonClass} onClick={() => onGoToPage(pageCount)}>
        Go to the last page
      </button>
    );
  } else if (hasWorkflowsFilters(view)) {
    title = `${describeWorkflowsMatch(view, 0)}.`;
    detail = "Change or clear the filters to see more workflows.";
    action = (
      <button type="button" className={buttonClass} onClick={onClearFilters}>
        Clear filters
      </button>
    );
  } else {
    title = "This workspace has no workflows yet";
    detail =
      "Workflows are created in LeadLex. Once one exists, it is listed here with its run history.";
  }
  return (
    <div className="rounded-lg border border-dashed border-slate-300 px-4 py-10 text-center dark:border-slate-700">
      <p className="font-medium [overflow-wrap:anywhere]">{title}</p>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{detail}</p>
      {action}
    </div>
  );
}
