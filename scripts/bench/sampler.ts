// Running a build as a child process and measuring it: wall time; CPU time (user + system,
// the build and its children, from GNU time), which other work on a shared machine
// disturbs far less than the wall clock; and peak memory as the larger of GNU time's
// (the largest single process) and the sampled sum over the build's whole process tree
// (Pagefind runs beside Node).
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const GNU_TIME = "/usr/bin/time";
export const SOURCE_DATE_EPOCH = "1795000000";

export interface Build {
  label: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  out: string;
  /** Where the command runs (default: this product's root). */
  cwd?: string;
}

export interface Measure {
  seconds: number;
  /** User + system CPU seconds of the build and everything it started. */
  cpu: number;
  rssMb: number;
  /** What the build printed (the cold build's progress lines and closing time are checked). */
  stdout: string;
}

export async function runOnce(b: Build): Promise<Measure> {
  // Each run writes into an empty folder, so neither build gets to skip or overwrite.
  await rm(b.out, { recursive: true, force: true });
  const cmd = [GNU_TIME, "-f", "%U %S %M", ...b.args];
  const started = performance.now();
  let sampler: { stop(): number } | undefined;
  const { code, signal, stdout, stderr } = await new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve, reject) => {
    const child = spawn(cmd[0]!, cmd.slice(1), { cwd: b.cwd ?? ROOT, env: b.env, stdio: ["ignore", "pipe", "pipe"] });
    sampler = sampleTreeRss(child.pid!);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  const seconds = (performance.now() - started) / 1000;
  const treeKb = sampler?.stop() ?? 0;
  const shown = cmd.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(" ");
  if (code !== 0) {
    const how = signal ? `was killed by ${signal}` : `exited with status ${code}`;
    throw new Error(
      `${b.label} build ${how}\n  command: ${shown}\n  cwd: ${b.cwd ?? ROOT}\n--- stderr ---\n${stderr.trimEnd()}\n--- stdout ---\n${stdout.trimEnd()}`,
    );
  }
  const last = stderr.trimEnd().split("\n").at(-1)?.trim() ?? "";
  const m = /^([\d.]+) ([\d.]+) (\d+)$/.exec(last);
  if (!m)
    throw new Error(
      `${b.label} build: expected GNU time's "user system maxRSS" as the last line of stderr, got ${JSON.stringify(last)}\n  command: ${shown}\n--- stderr ---\n${stderr.trimEnd()}`,
    );
  // GNU time knows the largest single process exactly; the samples add up every process
  // alive at once (Pagefind runs beside Node). Peak memory is the larger of the two.
  return { seconds, cpu: Number(m[1]) + Number(m[2]), rssMb: Math.max(Number(m[3]), treeKb) / 1024, stdout };
}

/** Every 50 ms, the summed resident memory (KB) of a process and all its descendants; stop() gives the peak. */
function sampleTreeRss(root: number): { stop(): number } {
  let peak = 0;
  const tick = () => {
    const children = new Map<number, number[]>();
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
      } catch {
        // The process ended between the listing and the read.
      }
    }
    let sum = 0;
    for (const queue = [root]; queue.length;) {
      const pid = queue.pop()!;
      try {
        sum += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
      } catch {
        // Gone already.
      }
      queue.push(...(children.get(pid) ?? []));
    }
    peak = Math.max(peak, sum);
  };
  const timer = setInterval(tick, 50);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

export async function countHtml(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".html")).length;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
