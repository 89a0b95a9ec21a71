// A script (or package script) run from a terminal as a user runs it: `bun run …` in the project
// root, with only PATH and the variables given in its environment (never the test's own), and
// its whole output and exit code.
import { ROOT } from "./project.ts";

export type TerminalRun = { stdout: string; stderr: string; code: number };

export async function runInTerminal(
  args: string[],
  env: { [name: string]: string | undefined } = {},
  stdin?: string,
): Promise<TerminalRun> {
  const child = Bun.spawn([process.execPath, "run", ...args], {
    stdin: stdin === undefined ? "ignore" : new Blob([stdin]),
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdout: "pipe",
    stderr: "pipe",
  });
  const [stdout, stderr, code] = await Promise.all([
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
    child.exited,
  ]);
  return { stdout, stderr, code };
}
