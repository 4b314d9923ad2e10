import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  node: string;
}

export function describeMachine(): MachineInfo {
  let cpuModel = "unknown";
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((text) => text.startsWith("model name"));
    if (line) cpuModel = line.slice(line.indexOf(":") + 1).trim();
  } catch {
    // Not Linux: the model stays unknown; the other figures still hold.
  }
  return { cpuModel, cores: availableParallelism(), node: process.version };
}

/** 1, 5 and 15 minute load averages, rounded for the report. */
export function loadAverage(): [number, number, number] {
  const [one = 0, five = 0, fifteen = 0] = loadavg().map((n) => Math.round(n * 100) / 100);
  return [one, five, fifteen];
}

/** CPU time (user + system, ms) a process has used so far, from /proc; null when unreadable. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which may itself contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

// USER_HZ: 100 on every Linux this runs on (it is fixed by the kernel ABI for /proc).
const CLOCK_TICKS_PER_SECOND = 100;
