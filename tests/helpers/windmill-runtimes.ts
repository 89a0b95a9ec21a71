// Windmill's two TypeScript runtimes, as far as a script can tell them apart, for tests that run the
// scripts the way Windmill would.
//
// Native (`//native`): Windmill's worker bundles the script with Bun.build for the browser
// (backend windmill-worker bun_executor.rs, LoaderMode::BrowserBundle: target "browser", minify
// syntax only) and runs it in a V8 isolate of 128 MiB (windmill-runtime-nativets, lib.rs
// `create_nativets_runtime`) whose only extensions are deno_webidl, deno_url, deno_console,
// deno_web, deno_fetch, deno_net and Windmill's own ops (no deno_crypto: no `crypto`), loaded as a
// side module (so `import.meta.main` is false) after an env prelude that gives `process.env`. It
// passes main's arguments by position from the job's arguments by name, a missing one as null
// (`op_get_static_args().map(JSON.parse)`), and returns `JSON.stringify(result ?? null)`.
//
// Bun: Windmill's wrapper imports the script, reads the arguments by name from a JSON file, calls
// main with them in main's order (a missing one is undefined) and writes JSON.stringify(result).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";

/** The globals of the native isolate (deno_web, deno_url, deno_fetch, deno_console). */
export const NATIVE_GLOBALS = [
  "fetch",
  "Headers",
  "Request",
  "Response",
  "FormData",
  "Blob",
  "URL",
  "URLSearchParams",
  "TextEncoder",
  "TextDecoder",
  "AbortController",
  "AbortSignal",
  "DOMException",
  "Event",
  "EventTarget",
  "ReadableStream",
  "WritableStream",
  "TransformStream",
  "setTimeout",
  "clearTimeout",
  "setInterval",
  "clearInterval",
  "queueMicrotask",
  "structuredClone",
  "atob",
  "btoa",
  "console",
  "performance",
] as const;

/** The script bundled as Windmill's worker bundles a native script. */
export async function bundleForNative(file: string): Promise<string> {
  const result = await Bun.build({
    entrypoints: [file],
    target: "browser",
    minify: { identifiers: false, syntax: true, whitespace: false },
  });
  if (!result.success || !result.outputs[0]) {
    throw new Error(`${file} does not bundle for the browser: ${result.logs.join("\n")}`);
  }
  return await result.outputs[0].text();
}

type NativeMain = (...args: unknown[]) => Promise<unknown>;

/**
 * Loads a bundle in a context that holds only the native isolate's globals (plus `process.env`),
 * and returns its `main`. Anything else the script reaches for is a ReferenceError.
 */
export function loadNative(
  bundle: string,
  globals: { fetch: typeof fetch; env?: { [name: string]: string } },
): NativeMain {
  const sandbox: { [name: string]: unknown } = {};
  for (const name of NATIVE_GLOBALS) {
    sandbox[name] = (globalThis as unknown as { [name: string]: unknown })[name];
  }
  sandbox.fetch = globals.fetch;
  sandbox.process = { env: { ...globals.env } };
  const context = createContext(sandbox);
  const exported = /export\s*\{([^}]*)\};?\s*$/.exec(bundle);
  if (!exported) {
    throw new Error("the bundle exports nothing");
  }
  const names = (exported[1] ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [local, as] = part.split(/\s+as\s+/);
      return `${JSON.stringify(as ?? local)}: ${local}`;
    });
  // A side module: import.meta.main is false, as for Windmill's eval.ts.
  const body = bundle.slice(0, exported.index).replaceAll("import.meta", "__windmillImportMeta");
  const factory = runInContext(
    `(function (__windmillImportMeta) {\n${body}\nreturn { ${names.join(", ")} };\n})`,
    context,
  ) as (meta: { main: boolean }) => { main?: NativeMain };
  const main = factory({ main: false }).main;
  if (typeof main !== "function") {
    throw new Error("the bundle has no main");
  }
  return main;
}

/** Arguments by position from arguments by name, a missing one as null (the native runtime). */
export function nativeArguments(names: string[], args: { [name: string]: unknown }): unknown[] {
  return names.map((name) => (name in args ? JSON.parse(JSON.stringify(args[name])) : null));
}

/**
 * Runs a Bun-runtime script as Windmill's Bun wrapper does, in a Bun process of its own: the
 * arguments by name from a JSON file, main called with them in order, the result as JSON.
 */
export async function runLikeBunWrapper(
  file: string,
  names: string[],
  args: { [name: string]: unknown },
  env: { [name: string]: string } = {},
): Promise<{ exitCode: number; result?: unknown; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), "wm-bun-job-"));
  try {
    writeFileSync(join(dir, "args.json"), JSON.stringify(args));
    writeFileSync(
      join(dir, "wrapper.mjs"),
      [
        `import { main } from ${JSON.stringify(file)};`,
        `const { ${names.join(", ")} } = await Bun.file(${JSON.stringify(join(dir, "args.json"))}).json();`,
        `const result = await main(${names.join(", ")});`,
        `await Bun.write(${JSON.stringify(join(dir, "result.json"))}, JSON.stringify(result ?? null));`,
      ].join("\n"),
    );
    const child = Bun.spawn(["bun", join(dir, "wrapper.mjs")], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "", HOME: dir, ...env },
      stdout: "pipe",
      stderr: "pipe",
    });
    const [stderr, exitCode] = await Promise.all([new Response(child.stderr).text(), child.exited]);
    await new Response(child.stdout).text();
    const output = Bun.file(join(dir, "result.json"));
    return {
      exitCode,
      stderr,
      ...((await output.exists()) ? { result: JSON.parse(await output.text()) } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
