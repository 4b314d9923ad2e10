/** One line of the report: a figure, the floor it is compared with, and the target it must meet. */
export interface Figure {
  section: string;
  name: string;
  value: number;
  unit: Unit;
  /** What cannot be beaten, measured in the same run; `null` for a figure given as information. */
  floor: Floor | null;
  target: Target | null;
  note?: string;
}

export type Unit = "ms" | "req/s" | "ratio" | "score" | "count" | "KB" | "MB" | "";

export interface Floor {
  name: string;
  value: number;
}

/**
 * What a target constrains: the figure over its floor (`ratio`), the figure minus its floor
 * (`difference`, in the figure's unit), or the figure itself (`value`).
 */
export interface Target {
  of: "ratio" | "difference" | "value";
  op: "<=" | ">=";
  value: number;
}

/** Ours over the floor. A floor of zero is met only by zero, and exceeded infinitely by more. */
export function ratioToFloor(figure: Figure): number {
  if (figure.floor === null) return Number.NaN;
  if (figure.floor.value === 0) return figure.value === 0 ? 1 : Number.POSITIVE_INFINITY;
  return figure.value / figure.floor.value;
}

function judged(figure: Figure, target: Target): { value: number; unit: Unit } {
  if (target.of === "value") return { value: figure.value, unit: figure.unit };
  if (target.of === "ratio") return { value: ratioToFloor(figure), unit: "ratio" };
  return { value: figure.value - (figure.floor?.value ?? Number.NaN), unit: figure.unit };
}

/** `null`: information only. Compared at the precision shown, so "1.20× ≤ 1.2×" passes. */
export function passes(figure: Figure): boolean | null {
  if (figure.target === null) return null;
  const { value, unit } = judged(figure, figure.target);
  if (!Number.isFinite(value)) return false;
  const shown = Number(formatNumber(value, unit));
  return figure.target.op === "<=" ? shown <= figure.target.value : shown >= figure.target.value;
}

export function formatNumber(value: number, unit: Unit): string {
  if (value === Number.POSITIVE_INFINITY) return "∞";
  if (!Number.isFinite(value)) return "n/a";
  if (unit === "req/s" || unit === "score" || unit === "count") return value.toFixed(0);
  if (unit === "ratio") return value.toFixed(2);
  if (unit === "KB") return value.toFixed(1);
  if (unit === "") return value.toFixed(3);
  return Math.abs(value) < 10 ? value.toFixed(2) : value.toFixed(1);
}

export function withUnit(value: number, unit: Unit): string {
  const text = formatNumber(value, unit);
  if (unit === "" || unit === "score" || unit === "count" || !Number.isFinite(value)) return text;
  return unit === "ratio" ? `${text}×` : `${text} ${unit}`;
}

/** The figure against its floor, as its target reads it: "0.31×", or "+0.85 ms" for a difference. */
export function formatComparison(figure: Figure): string {
  if (figure.floor === null) return "—";
  if (figure.target?.of === "difference") {
    const difference = figure.value - figure.floor.value;
    return `${difference >= 0 ? "+" : "−"}${withUnit(Math.abs(difference), figure.unit)}`;
  }
  return withUnit(ratioToFloor(figure), "ratio");
}

export function formatTarget(target: Target | null, unit: Unit): string {
  if (target === null) return "—";
  const op = target.op === "<=" ? "≤" : "≥";
  if (target.of === "ratio") return `${op} ${target.value}×`;
  if (target.of === "difference") return `${op} +${withUnit(target.value, unit)}`;
  return `${op} ${withUnit(target.value, unit)}`;
}

/** Figures of one section, written without repeating the section's name. */
export function figureList(section: string) {
  const figures: Figure[] = [];
  return {
    figures,
    /** A figure for information: no floor, no target. */
    info(name: string, value: number, unit: Unit, note?: string): void {
      figures.push({ section, name, value, unit, floor: null, target: null, note });
    },
    /** A figure held to a target of its own: a count or a time with nothing to compare it with. */
    limited(name: string, value: number, unit: Unit, target: Target, note?: string): void {
      figures.push({ section, name, value, unit, floor: null, target, note });
    },
    /** A figure beside the floor it is judged against. */
    compared(
      name: string,
      value: number,
      unit: Unit,
      floor: Floor,
      target: Target | null,
      note?: string,
    ): void {
      figures.push({ section, name, value, unit, floor, target, note });
    },
  };
}
