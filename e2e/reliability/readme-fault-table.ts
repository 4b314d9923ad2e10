import { readFile, writeFile } from "node:fs/promises";
import { format, resolveConfig } from "prettier";
import { FAULT_TABLE_END, FAULT_TABLE_START, renderFaultTable } from "./fault-table";

/** The README's fault table lives between these markers, inside its security section. */
export const README_PATH = "README.md";

/** The table as it must appear in the README: rendered from `fault-table.ts`, then Prettier'd. */
export async function formattedFaultTable(): Promise<string> {
  const options = (await resolveConfig(README_PATH)) ?? {};
  return (await format(renderFaultTable(), { ...options, parser: "markdown" })).trim();
}

/** The text between the markers, or null when the README has no such block. */
export function readmeFaultTable(readme: string): string | null {
  const start = readme.indexOf(FAULT_TABLE_START);
  const end = readme.indexOf(FAULT_TABLE_END);
  if (start < 0 || end < start) return null;
  return readme.slice(start + FAULT_TABLE_START.length, end).trim();
}

export function withFaultTable(readme: string, table: string): string {
  const start = readme.indexOf(FAULT_TABLE_START);
  const end = readme.indexOf(FAULT_TABLE_END);
  if (start < 0 || end < start) {
    throw new Error(`${README_PATH} has no ${FAULT_TABLE_START} … ${FAULT_TABLE_END} block`);
  }
  return `${readme.slice(0, start + FAULT_TABLE_START.length)}\n\n${table}\n\n${readme.slice(end)}`;
}

export async function readReadme(): Promise<string> {
  return readFile(README_PATH, "utf8");
}

export async function writeReadme(text: string): Promise<void> {
  await writeFile(README_PATH, text);
}
