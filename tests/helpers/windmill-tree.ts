// One build of the Windmill tree (tools/build-windmill.ts) for every test file that reads it: the
// build parses every script with Windmill's parser and takes seconds on a busy machine, so it is
// done once per test run, into a temporary directory, and shared.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BuildResult, buildWindmillTree } from "../../tools/build-windmill.ts";

/** Time a hook may take to build the tree: well above the 2 to 10 s it takes on a 2-core machine. */
export const BUILD_BUDGET_MS = 120_000;

let building: Promise<BuildResult> | undefined;

/** The tree, built on first use into a fresh temporary directory. */
export function builtTree(): Promise<BuildResult> {
  building ??= buildWindmillTree({ outDir: join(mkdtempSync(join(tmpdir(), "wm-tree-")), "tree") });
  return building;
}

/**
 * The tree a hook built, for use inside a test: throws (so that every test that needs it fails,
 * loudly) when the build did not finish, instead of letting them pass or vanish.
 */
export function requireTree(tree: BuildResult | undefined): BuildResult {
  if (!tree) {
    throw new Error("the Windmill tree was not built: see the error of this file's beforeAll hook");
  }
  return tree;
}
