// CLI entry: `bun sandbox/main.ts [--port N] [--db PATH] ...` starts the Kustomer sandbox and
// prints its base URL once it is listening. Stops cleanly on Ctrl-C / SIGTERM.
import { parseCliArgs, USAGE } from "./cli-args.ts";
import { type SandboxOptions, startSandbox } from "./server.ts";

function describeFaults(options: SandboxOptions): string | undefined {
  const faults = [
    options.failRate ? `fail-rate ${options.failRate}` : "",
    options.latencyMs ? `latency ${options.latencyMs} ms` : "",
    options.dropAfterCommitRate ? `drop-after-commit-rate ${options.dropAfterCommitRate}` : "",
    options.uniqueExternalIds === false ? "duplicate externalIds accepted" : "",
  ].filter((fault) => fault !== "");
  return faults.length > 0 ? faults.join(", ") : undefined;
}

function main(): void {
  let args: ReturnType<typeof parseCliArgs>;
  try {
    args = parseCliArgs(Bun.argv.slice(2));
  } catch (error) {
    // The error alone, and where the flags are listed: the whole usage would bury it.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message}\nRun "bun run sandbox --help" for the flags.\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const options: SandboxOptions = {
    ...args.options,
    log: (line) => process.stderr.write(`kustomer sandbox: ${line}\n`),
  };
  if (args.verbose) {
    options.onResponse = ({ method, path, status, ms }) =>
      process.stdout.write(`${method} ${path} ${status} ${ms} ms\n`);
  }
  let sandbox: ReturnType<typeof startSandbox>;
  try {
    sandbox = startSandbox(options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = /in use|EADDRINUSE/i.test(message)
      ? " (pass --port N, or --port 0 for a free port)"
      : "";
    process.stderr.write(`kustomer sandbox: could not start: ${message}${hint}\n`);
    process.exit(1);
  }
  const faults = describeFaults(options);
  process.stdout.write(
    [
      `Kustomer sandbox listening on ${sandbox.url}`,
      `API key: ${sandbox.apiKey} (send Authorization: Bearer ${sandbox.apiKey})`,
      `Storage: ${options.dbPath ? `SQLite file ${options.dbPath}` : "in memory (lost when the sandbox stops; --db PATH keeps it)"}`,
      `Rate limit: ${options.rateLimit ?? 300} requests per ${(options.rateWindowMs ?? 60_000) / 1000} s (x-ratelimit-reset in epoch ${options.rateResetUnit ?? "s"})`,
      ...(faults ? [`Fault injection: ${faults}`] : []),
      `Scripts: KUSTOMER_BASE_URL=${sandbox.url} KUSTOMER_API_KEY=${sandbox.apiKey} bun run scripts/...`,
      "",
    ].join("\n"),
  );
  const shutdown = () => {
    void sandbox.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main();
