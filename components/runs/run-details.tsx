"use client";

/**
 * The expanded row of the runs table: what happened to one run, in words, with every value an ops
 * person pastes into a ticket one click from the clipboard. Render-only: the row already holds the run.
 * Every value from LeadLex is untrusted text; it is rendered as React text, never as HTML.
 */
import { Fragment, useMemo, useState, type ReactNode } from "react";
import { RecordLink } from "@/components/records/record-link";
import { useTime } from "@/components/time/time-provider";
import { CopyButton } from "@/components/ui/copy-button";
import { FailedIcon } from "@/components/ui/icons/failed-icon";
import { SkippedIcon } from "@/components/ui/icons/skipped-icon";
import { SuccessIcon } from "@/components/ui/icons/success-icon";
import { WarningIcon } from "@/components/ui/icons/warning-icon";
import { JsonViewer } from "@/components/ui/json-viewer";
import { formatDateTime, formatExactUtc, formatZoneOffset, UTC } from "@/lib/format/date-time";
import { formatCount, formatDuration } from "@/lib/format/numbers";
import {
  hasHiddenCharacters,
  previewString,
  splitHiddenCharacters,
} from "@/lib/json/string-display";
import type { Run } from "@/lib/model/run";
import { actionResultFacts } from "@/lib/runs/action-result-facts";
import { errorHint } from "@/lib/runs/error-hints";
import { explainSkipReason } from "@/lib/runs/skip-reasons";
import { CopyForTicketButton } from "./copy-for-ticket-button";

export interface RunDetailsProps {
  run: Run;
  /** The run's workflow by name, for the ticket text, where the view knows it. */
  workflowName?: string | null;
}

/** Ids are opaque and rarely long; a runaway one should not push the rest out of view. */
const ID_PREVIEW_CHARACTERS = 300;
const MESSAGE_PREVIEW_CHARACTERS = 2_000;

const HEADING_CLASS =
  "mb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400";
const TEXT_BUTTON_CLASS =
  "rounded px-1 text-xs text-sky-800 underline decoration-dotted underline-offset-2 hover:bg-sky-100 dark:text-sky-300 dark:hover:bg-sky-950";

export function RunDetails({ run, workflowName = null }: RunDetailsProps) {
  return (
    // `@container`: the columns follow the panel's width (a table cell), not the window's, and the
    // panel's content can never widen that cell.
    <section
      aria-label={`Details of run ${run.id}`}
      className="@container min-w-0 text-sm text-slate-900 dark:text-slate-100"
    >
      <div className="mb-4 flex justify-end">
        <CopyForTicketButton run={run} workflowName={workflowName} />
      </div>
      <div className="grid grid-cols-1 gap-x-8 gap-y-6 @3xl:grid-cols-2">
        <div className="min-w-0 space-y-6">
          <OutcomeSection run={run} />
          <div>
            <h3 className={HEADING_CLASS}>Duration</h3>
            <p className="tabular-nums">{describeDuration(run.durationMs)}</p>
          </div>
        </div>
        <IdentifiersSection run={run} />
        <div className="min-w-0 @3xl:col-span-2">
          <h3 className={HEADING_CLASS}>Action result</h3>
          <ActionResultFacts result={run.actionResult} />
          <JsonViewer value={run.actionResult} label="Action result" />
        </div>
      </div>
    </section>
  );
}

/** "412 ms", "1,240 ms (1.24 s)": the exact value to compare, seconds to read at a glance. */
function describeDuration(durationMs: number | null): string {
  if (durationMs === null || !Number.isFinite(durationMs)) return "Not recorded";
  const exact = `${formatCount(durationMs)} ms`;
  return durationMs >= 1_000 ? `${exact} (${formatDuration(durationMs)})` : exact;
}

function OutcomeSection({ run }: { run: Run }) {
  return (
    <div className="min-w-0">
      <h3 className={HEADING_CLASS}>Outcome</h3>
      {run.status === "failed" ? (
        <FailedOutcome run={run} />
      ) : run.status === "skipped" ? (
        <SkippedOutcome reason={run.skipReason} />
      ) : (
        <p className="flex items-center gap-1.5 font-medium text-emerald-800 dark:text-emerald-300">
          <SuccessIcon className="size-4 shrink-0" />
          Action completed
        </p>
      )}
    </div>
  );
}

function FailedOutcome({ run }: { run: Run }) {
  const { error } = run;
  const hint = error ? errorHint(error.code) : null;
  // CRLF from upstream would show as a visible U+000D marker; it is just a line break.
  const message = error ? error.message.replace(/\r\n?/g, "\n") : "";
  return (
    <div className="space-y-3">
      <p className="flex items-center gap-1.5 font-medium text-red-700 dark:text-red-400">
        <FailedIcon className="size-4 shrink-0" />
        Failed
      </p>
      {error ? (
        <dl className="space-y-2">
          <div>
            <dt className="text-slate-600 dark:text-slate-400">Error code</dt>
            <CopyableValue value={error.code} copyLabel="Copy error code" mono />
          </div>
          <div>
            <dt className="text-slate-600 dark:text-slate-400">Message</dt>
            {message.trim() === "" ? (
              <dd className="text-slate-600 italic dark:text-slate-400">No message</dd>
            ) : (
              <CopyableValue
                value={message}
                copyLabel="Copy error message"
                previewCharacters={MESSAGE_PREVIEW_CHARACTERS}
              />
            )}
          </div>
        </dl>
      ) : (
        <p className="text-slate-600 dark:text-slate-400">
          LeadLex did not report an error code or message for this run.
        </p>
      )}
      {hint ? (
        <div className="rounded-md border border-sky-200 bg-sky-50 p-3 dark:border-sky-900 dark:bg-sky-950/40">
          <p>
            <span className="font-semibold">Likely cause: </span>
            {hint.likelyCause}
          </p>
          <p className="mt-1">
            <span className="font-semibold">What to do: </span>
            {hint.whatToDo}
          </p>
        </div>
      ) : null}
    </div>
  );
}

function SkippedOutcome({ reason }: { reason: string | null }) {
  const { title, explanation } = explainSkipReason(reason ?? "");
  return (
    <div className="space-y-2">
      <p className="flex items-center gap-1.5 font-medium text-amber-800 dark:text-amber-300">
        <SkippedIcon className="size-4 shrink-0" />
        Skipped
      </p>
      <p className="font-medium [overflow-wrap:anywhere]">{title}</p>
      <p>{explanation}</p>
      {reason ? (
        <dl>
          <div>
            <dt className="text-slate-600 dark:text-slate-400">Reason code</dt>
            <CopyableValue value={reason} copyLabel="Copy skip reason code" mono />
          </div>
        </dl>
      ) : null}
    </div>
  );
}

/**
 * The fields people look for in an action's result, in words above the raw JSON; a result of
 * another shape shows only the JSON.
 */
function ActionResultFacts({ result }: { result: unknown }) {
  const facts = actionResultFacts(result);
  if (facts.length === 0) return null;
  return (
    // Its own container, as the identifiers are: the term column appears when this list has room.
    <dl data-testid="action-result-facts" className="@container mb-3 space-y-2">
      {facts.map((fact) => (
        <Identifier key={fact.label} term={fact.label}>
          <CopyableValue
            value={fact.value}
            copyLabel={`Copy ${fact.label.toLowerCase()}`}
            mono={fact.mono}
          />
        </Identifier>
      ))}
    </dl>
  );
}

function IdentifiersSection({ run }: { run: Run }) {
  const { timeZone } = useTime();
  const valid = !Number.isNaN(Date.parse(run.triggeredAt));
  const utc = valid ? formatExactUtc(run.triggeredAt) : null;
  const local =
    valid && timeZone !== UTC
      ? `${formatDateTime(run.triggeredAt, timeZone)} ${formatZoneOffset(run.triggeredAt, timeZone)}`
      : null;

  return (
    // Its own container: the term column appears when this column, not the panel, has room.
    <div className="@container min-w-0">
      <h3 className={HEADING_CLASS}>Identifiers</h3>
      <dl className="space-y-2">
        <Identifier term="Run id">
          <CopyableValue value={run.id} copyLabel="Copy run id" mono />
        </Identifier>
        <Identifier term="Workflow id">
          <CopyableValue value={run.workflowId} copyLabel="Copy workflow id" mono />
        </Identifier>
        <Identifier term={`Entity (${run.entityType || "type not given"})`}>
          <CopyableValue value={run.entityId} copyLabel="Copy entity id" mono />
        </Identifier>
        <Identifier term="Record history">
          <dd>
            <RecordLink
              entityId={run.entityId}
              className="text-sky-800 underline underline-offset-2 dark:text-sky-300"
            >
              Every run of this record
            </RecordLink>
          </dd>
        </Identifier>
        {utc ? (
          <Identifier term="Triggered (UTC)">
            <CopyableValue value={utc} copyLabel="Copy time in UTC" dateTime={run.triggeredAt} />
          </Identifier>
        ) : null}
        {local ? (
          <Identifier term={`Triggered (${timeZone})`}>
            <CopyableValue
              value={local}
              copyLabel={`Copy time in ${timeZone}`}
              dateTime={run.triggeredAt}
            />
          </Identifier>
        ) : null}
        <Identifier term={valid ? "Triggered (raw ISO 8601)" : "Triggered (unreadable time)"}>
          <CopyableValue value={run.triggeredAt} copyLabel="Copy raw timestamp" mono />
        </Identifier>
      </dl>
    </div>
  );
}

function Identifier({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-x-3 @md:grid-cols-[10rem_minmax(0,1fr)]">
      <dt className="text-slate-600 [overflow-wrap:anywhere] dark:text-slate-400">{term}</dt>
      {children}
    </div>
  );
}

interface CopyableValueProps {
  value: string;
  copyLabel: string;
  mono?: boolean;
  /** Marks the value up as a `<time>` for this instant. */
  dateTime?: string;
  previewCharacters?: number;
}

/** A `<dd>` with the value as inert text, cut when huge, and a copy button for the whole of it. */
function CopyableValue({
  value,
  copyLabel,
  mono = false,
  dateTime,
  previewCharacters = ID_PREVIEW_CHARACTERS,
}: CopyableValueProps) {
  // Ids and codes are machine strings read left to right; a message may be in any language.
  const text = (
    <LongText text={value} previewCharacters={previewCharacters} dir={mono ? "ltr" : "auto"} />
  );
  return (
    <dd className="flex min-w-0 items-start gap-1">
      <div
        className={`min-w-0 flex-1 overflow-hidden whitespace-pre-wrap [overflow-wrap:anywhere] ${mono ? "font-mono text-xs leading-5" : ""}`}
      >
        {dateTime ? <time dateTime={dateTime}>{text}</time> : text}
        {hasHiddenCharacters(value) ? (
          <p className="mt-1 flex items-start gap-1 font-sans text-xs text-amber-800 dark:text-amber-300">
            <WarningIcon className="mt-px size-3.5 shrink-0" />
            Contains invisible or text-direction characters, shown as U+ codes. Copy the value
            rather than retyping it.
          </p>
        ) : null}
      </div>
      <CopyButton value={value} label={copyLabel} className="shrink-0" />
    </dd>
  );
}

interface LongTextProps {
  text: string;
  previewCharacters: number;
  dir: "ltr" | "auto";
}

function LongText({ text, previewCharacters, dir }: LongTextProps) {
  const [showAll, setShowAll] = useState(false);
  const preview = useMemo(() => previewString(text, previewCharacters), [text, previewCharacters]);
  const cut = preview.truncated && !showAll;
  return (
    <>
      <VisibleText text={cut ? preview.preview : text} dir={dir} />
      {cut ? <span aria-hidden="true">…</span> : null}
      {preview.truncated ? (
        <button
          type="button"
          className={`${TEXT_BUTTON_CLASS} ml-1 font-sans`}
          onClick={(event) => {
            // The panel may sit in a clickable table row; this click is not a row click.
            event.stopPropagation();
            setShowAll((current) => !current);
          }}
        >
          {showAll
            ? `Show first ${formatCount(previewCharacters)} characters`
            : `Show all ${formatCount(preview.totalCharacters)} characters`}
        </button>
      ) : null}
    </>
  );
}

/**
 * Text in a `<bdi>` (right-to-left runs cannot reorder what surrounds them), with invisible and
 * direction-control characters shown as `U+202E` markers instead of silently taking effect.
 */
function VisibleText({ text, dir }: { text: string; dir: "ltr" | "auto" }) {
  const segments = useMemo(() => splitHiddenCharacters(text), [text]);
  return (
    <bdi dir={dir}>
      {segments.map((segment, index) =>
        segment.kind === "text" ? (
          <Fragment key={index}>{segment.text}</Fragment>
        ) : (
          <span
            key={index}
            className="mx-px rounded-sm border border-amber-400 px-0.5 font-mono text-[0.85em] text-amber-900 dark:border-amber-600 dark:text-amber-200"
          >
            {segment.codePoint}
          </span>
        ),
      )}
    </bdi>
  );
}
