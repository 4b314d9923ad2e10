"use client";

/**
 * A read-only JSON tree for untrusted payloads (a run's action result). Everything is rendered as
 * React text, never as HTML. Nodes open lazily, so a 60-level value or a 10,000-item array costs
 * only what is on screen; the shape logic lives in `lib/json` where it is unit-tested.
 * It imports nothing heavy and has no module side effects, so callers can load it lazily.
 */
import { useMemo, useState, type MouseEvent } from "react";
import { formatCount } from "@/lib/format/numbers";
import {
  brackets,
  CHILD_PAGE_SIZE,
  collapsedBrackets,
  containerChildren,
  containerKeys,
  containerSize,
  describeOther,
  hasNestedContainers,
  isContainerKind,
  jsonKind,
  nextPageCount,
  planExpandAll,
  sizeLabel,
  toJsonText,
  type ContainerKind,
} from "@/lib/json/describe-json";
import {
  escapeJsonStringContent,
  jsonStringLiteral,
  previewString,
} from "@/lib/json/string-display";
import { Button } from "./button";
import { CopyButton } from "./copy-button";
import { ChevronIcon } from "./icons/chevron-icon";

export interface JsonViewerProps {
  value: unknown;
  /** What the value is, e.g. "Action result": names the box and the copy button. */
  label: string;
  /** Containers shallower than this start open; the top level is depth 0. Default 2. */
  initiallyExpandedDepth?: number;
  /** Strings longer than this many characters are cut, with a control to show them whole. */
  maxStringPreview?: number;
}

/** Rows "Expand all" may open at once; past it, it opens as many whole levels as fit. */
const EXPAND_ALL_ROW_BUDGET = 2_000;
/** Object keys are never expandable (they sit inside the toggle button), so they are cut shorter. */
const MAX_KEY_PREVIEW = 200;

// Syntax colours, each legible (WCAG AA) on the box's slate-50 / slate-900 background. Colour is a
// second signal only: quotes, brackets and the literals true/false/null carry the type.
const KEY_CLASS = "text-sky-800 dark:text-sky-300";
const STRING_CLASS = "text-emerald-800 dark:text-emerald-300";
const NUMBER_CLASS = "text-amber-800 dark:text-amber-300";
const BOOLEAN_CLASS = "text-violet-700 dark:text-violet-300";
const MUTED_CLASS = "text-slate-600 dark:text-slate-400";
const INLINE_BUTTON_CLASS =
  "rounded px-1 font-sans text-sky-800 underline decoration-dotted underline-offset-2 hover:bg-sky-100 dark:text-sky-300 dark:hover:bg-sky-950";

/** The panel may sit in a clickable table row; a click here must not also toggle the row. */
function handled(action: () => void) {
  return (event: MouseEvent) => {
    event.stopPropagation();
    action();
  };
}

export function JsonViewer({
  value,
  label,
  initiallyExpandedDepth = 2,
  maxStringPreview = 2_000,
}: JsonViewerProps) {
  const jsonText = useMemo(() => toJsonText(value), [value]);
  const nestedContainers = useMemo(() => hasNestedContainers(value), [value]);
  // Expand/collapse all remount the tree with a new starting depth, resetting every node's state.
  const [tree, setTree] = useState({ generation: 0, depth: initiallyExpandedDepth });
  const expandAll = useMemo(
    () => (nestedContainers ? planExpandAll(value, EXPAND_ALL_ROW_BUDGET) : null),
    [nestedContainers, value],
  );

  if (value === null || value === undefined) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No {lowerNoun(label)}</p>;
  }

  return (
    <div className="min-w-0">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        {expandAll ? (
          <>
            <Button
              size="xs"
              onClick={handled(() =>
                setTree((current) => ({
                  generation: current.generation + 1,
                  depth: expandAll.depth,
                })),
              )}
            >
              {expandAll.complete
                ? "Expand all"
                : `Expand ${formatCount(expandAll.depth)} level${expandAll.depth === 1 ? "" : "s"}`}
            </Button>
            <Button
              size="xs"
              onClick={handled(() =>
                setTree((current) => ({ generation: current.generation + 1, depth: 1 })),
              )}
            >
              Collapse all
            </Button>
          </>
        ) : null}
        {jsonText !== null ? (
          <CopyButton value={jsonText} label="Copy JSON" showLabel variant="secondary" size="xs" />
        ) : null}
      </div>
      {/*
        Focusable so keyboard users can scroll it. `@container` gives the box inline-size
        containment: however wide or deep the content, it never widens the table cell around it.
      */}
      <div
        role="group"
        aria-label={label}
        tabIndex={0}
        className="@container max-h-96 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs leading-6 whitespace-pre-wrap text-slate-900 [overflow-wrap:anywhere] dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <JsonNode
          key={tree.generation}
          value={value}
          name={null}
          depth={0}
          expandedDepth={tree.depth}
          maxStringPreview={maxStringPreview}
        />
      </div>
    </div>
  );
}

/** "Action result" → "action result", but "API response" stays as it is. */
function lowerNoun(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

interface JsonNodeProps {
  value: unknown;
  /** The key (object) or index (array) this value sits under; null at the top. */
  name: string | number | null;
  depth: number;
  expandedDepth: number;
  maxStringPreview: number;
}

function JsonNode(props: JsonNodeProps) {
  const kind = jsonKind(props.value);
  if (isContainerKind(kind) && containerSize(props.value) > 0) {
    return <JsonContainer {...props} kind={kind} />;
  }
  return (
    <div>
      <NodeName name={props.name} />
      {isContainerKind(kind) ? (
        <span className={MUTED_CLASS}>{collapsedBrackets(kind, 0)}</span>
      ) : (
        <JsonPrimitive value={props.value} maxStringPreview={props.maxStringPreview} />
      )}
    </div>
  );
}

function NodeName({ name }: { name: string | number | null }) {
  if (name === null) return null;
  if (typeof name === "number") {
    // Array positions are not JSON; unquoted and muted, they cannot be mistaken for keys.
    return <span className={MUTED_CLASS}>{name}: </span>;
  }
  const { preview, truncated } = previewString(name, MAX_KEY_PREVIEW);
  return (
    <>
      <bdi dir="ltr" className={KEY_CLASS}>
        {truncated ? `"${escapeJsonStringContent(preview)}…` : jsonStringLiteral(name)}
      </bdi>
      <span className={MUTED_CLASS}>: </span>
    </>
  );
}

function JsonPrimitive({ value, maxStringPreview }: { value: unknown; maxStringPreview: number }) {
  if (typeof value === "string") return <JsonString text={value} maxPreview={maxStringPreview} />;
  if (typeof value === "number" && Number.isFinite(value)) {
    return <span className={NUMBER_CLASS}>{String(value)}</span>;
  }
  if (typeof value === "boolean") return <span className={BOOLEAN_CLASS}>{String(value)}</span>;
  if (value === null) return <span className={`${MUTED_CLASS} italic`}>null</span>;
  return <span className={`${MUTED_CLASS} italic`}>{describeOther(value)}</span>;
}

function JsonString({ text, maxPreview }: { text: string; maxPreview: number }) {
  const [showAll, setShowAll] = useState(false);
  const preview = useMemo(() => previewString(text, maxPreview), [text, maxPreview]);
  const cut = preview.truncated && !showAll;
  const escaped = useMemo(
    () => escapeJsonStringContent(cut ? preview.preview : text),
    [cut, preview.preview, text],
  );
  return (
    <>
      <span className={STRING_CLASS}>
        {/*
          An LTR-isolated <bdi>: right-to-left text still reads right to left, but cannot pull the
          quotes, escapes or the next line out of order.
        */}
        &quot;<bdi dir="ltr">{escaped}</bdi>
        {/* A cut string has no closing quote: visibly unfinished. */}
        {cut ? <span className={MUTED_CLASS}>…</span> : '"'}
      </span>
      {preview.truncated ? (
        <>
          {" "}
          <button
            type="button"
            className={INLINE_BUTTON_CLASS}
            onClick={handled(() => setShowAll((current) => !current))}
          >
            {showAll
              ? `Show first ${formatCount(maxPreview)} characters`
              : `Show all ${formatCount(preview.totalCharacters)} characters`}
          </button>
        </>
      ) : null}
    </>
  );
}

function JsonContainer({
  value,
  kind,
  name,
  depth,
  expandedDepth,
  maxStringPreview,
}: JsonNodeProps & { kind: ContainerKind }) {
  const [expanded, setExpanded] = useState(depth < expandedDepth);
  const [shown, setShown] = useState(CHILD_PAGE_SIZE);
  const keys = useMemo(() => containerKeys(value), [value]);
  const size = kind === "array" ? containerSize(value) : keys.length;
  const [open, close] = brackets(kind);
  const children = useMemo(
    () => (expanded ? containerChildren(value, keys, 0, shown) : []),
    [expanded, value, keys, shown],
  );
  const more = nextPageCount(size, shown);

  return (
    <div>
      <button
        type="button"
        aria-expanded={expanded}
        onClick={handled(() => setExpanded((current) => !current))}
        className="-ml-1 max-w-full rounded px-1 text-left hover:bg-slate-200/70 dark:hover:bg-slate-800"
      >
        <ChevronIcon
          className={`mr-0.5 inline size-3 align-[-0.125em] transition-transform motion-reduce:transition-none ${expanded ? "rotate-90" : ""}`}
        />
        <NodeName name={name} />
        <span>{expanded ? open : collapsedBrackets(kind, size)}</span>
        <span className={`${MUTED_CLASS} font-sans`}> {sizeLabel(kind, size)}</span>
      </button>
      {expanded ? (
        <>
          {/* min-w keeps deep levels readable; past the box's width the box scrolls sideways. */}
          <ul className="ml-1 min-w-48 border-l border-slate-300 pl-3 dark:border-slate-700">
            {children.map(([childName, child]) => (
              <li key={childName}>
                <JsonNode
                  value={child}
                  name={childName}
                  depth={depth + 1}
                  expandedDepth={expandedDepth}
                  maxStringPreview={maxStringPreview}
                />
              </li>
            ))}
          </ul>
          {more > 0 ? (
            <div className="ml-1 pl-3 font-sans">
              <button
                type="button"
                className={INLINE_BUTTON_CLASS}
                onClick={handled(() => setShown((current) => current + CHILD_PAGE_SIZE))}
              >
                Show {formatCount(more)} more
              </button>{" "}
              <span className={MUTED_CLASS}>
                ({formatCount(shown)} of {formatCount(size)} {kind === "array" ? "items" : "keys"}{" "}
                shown)
              </span>
            </div>
          ) : null}
          <div>{close}</div>
        </>
      ) : null}
    </div>
  );
}
