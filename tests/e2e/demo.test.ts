// The README's first run: `bun run demo` needs no account and walks the scripts through the sandbox.
import { expect, test } from "bun:test";
import { runInTerminal } from "../helpers/terminal.ts";

test("bun run demo succeeds and tells what happened, step by step", async () => {
  const { stdout, stderr, code } = await runInTerminal(["demo"]);
  expect({ code, stderr: stderr.replace(/^\$ .*\n/m, "") }).toEqual({ code: 0, stderr: "" });
  expect(stdout).toMatch(/^1\. Started the Kustomer sandbox at http:\/\/127\.0\.0\.1:\d+/m);
  expect(stdout).toMatch(
    /^3\. The bulk operation completed: row-1 → success [0-9a-f]{24}, row-2 → success [0-9a-f]{24}, row-3 → success [0-9a-f]{24}\./m,
  );
  expect(stdout).toContain('left the name as "Ada Lovelace"');
  expect(stdout).toContain(
    '6. get_messages_by_customer read them back: "Where is my order?", "It ships today."',
  );
  expect(stdout).toContain("body has 101 items; Kustomer takes at most 100 per bulk request");
});
