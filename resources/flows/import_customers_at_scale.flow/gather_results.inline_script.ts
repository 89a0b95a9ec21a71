/**
 * Gather every slice's results
 *
 * Last step of the import_customers_at_scale flow: puts the import steps' results together, in
 * input order, and checks that each of the `total` input records appears exactly once. Whatever
 * does not is listed in `unaccounted` as ranges of input indexes with the reason: a slice whose
 * import failed (the loop skips failures, so the other slices still report what they did: run
 * import_customers again on those records; its checkExisting finds what the failed attempt
 * created), or records a slice's result is missing or repeats. `unaccounted` is empty when all is
 * well. Runs on Bun: it holds one entry per input record.
 */
export async function main(
  /**
   * The import steps' results, in slice order. A failed iteration is null (the loop skips
   * failures: https://www.windmill.dev/docs/flows/flow_loops) or, on some versions, its error.
   */
  slices: ({
    summary?: { [count: string]: number };
    created?: { index: number }[];
    failed?: { index: number }[];
    invalid?: { index: number }[];
    error?: { name?: string; message?: string };
  } | null)[],
  /** Where each slice starts in the whole input, and how many records it holds. */
  plan: { firstIndex: number; count: number }[],
  total: number,
) {
  type Entry = { index: number };
  type Unaccounted = { firstIndex: number; lastIndex: number; reason: string };
  const created: Entry[] = [];
  const failed: Entry[] = [];
  const invalid: Entry[] = [];
  const unaccounted: Unaccounted[] = [];
  const summary: { [count: string]: number } = { failedSlices: 0 };
  const seen = new Uint32Array(total);

  for (const [position, slice] of plan.entries()) {
    const result = slices[position];
    const lastIndex = slice.firstIndex + slice.count - 1;
    if (!result || !Array.isArray(result.created)) {
      summary.failedSlices = (summary.failedSlices ?? 0) + 1;
      const why =
        result?.error?.message ??
        "its import step failed (the error is in that iteration's job); import these records " +
          "again: checkExisting finds what the failed attempt created";
      unaccounted.push({
        firstIndex: slice.firstIndex,
        lastIndex,
        reason: `slice ${position + 1} (records ${slice.firstIndex} to ${lastIndex}) failed: ${why}`,
      });
      for (let index = slice.firstIndex; index <= lastIndex; index++) {
        seen[index] = 1; // accounted for by the range above
      }
      continue;
    }
    created.push(...result.created);
    failed.push(...(result.failed ?? []));
    invalid.push(...(result.invalid ?? []));
    for (const entry of [...result.created, ...(result.failed ?? []), ...(result.invalid ?? [])]) {
      seen[entry.index] = (seen[entry.index] ?? 0) + 1;
    }
    for (const [name, value] of Object.entries(result.summary ?? {})) {
      summary[name] =
        name === "seconds" ? Math.max(summary[name] ?? 0, value) : (summary[name] ?? 0) + value;
    }
  }

  // Indexes no slice reported, or reported more than once, as ranges with the same reason.
  const reasonOf = (times: number) =>
    times === 0 ? "not in any slice's result" : `reported ${times} times`;
  for (let index = 0; index < total; index++) {
    const times = seen[index] ?? 0;
    if (times === 1) {
      continue;
    }
    const last = unaccounted[unaccounted.length - 1];
    if (last && last.lastIndex === index - 1 && last.reason === reasonOf(times)) {
      last.lastIndex = index;
    } else {
      unaccounted.push({ firstIndex: index, lastIndex: index, reason: reasonOf(times) });
    }
  }
  const byIndex = (a: Entry, b: Entry) => a.index - b.index;
  unaccounted.sort((a, b) => a.firstIndex - b.firstIndex);
  return {
    summary,
    created: created.sort(byIndex),
    failed: failed.sort(byIndex),
    invalid: invalid.sort(byIndex),
    unaccounted,
  };
}
