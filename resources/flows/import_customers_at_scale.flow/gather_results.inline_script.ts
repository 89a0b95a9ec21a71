//native
/**
 * Gather every slice's results
 *
 * Last step of the import_customers_at_scale flow: puts the import steps' results together, in
 * input order, and checks that each of the `total` input records appears exactly once; any index
 * missing or repeated is listed in `unaccounted` (empty when all is well).
 */
export async function main(
  slices: {
    summary: { [count: string]: number };
    created: { index: number }[];
    failed: { index: number }[];
    invalid: { index: number }[];
  }[],
  total: number,
) {
  const byIndex = (a: { index: number }, b: { index: number }) => a.index - b.index;
  const created = slices.flatMap((slice) => slice.created).sort(byIndex);
  const failed = slices.flatMap((slice) => slice.failed).sort(byIndex);
  const invalid = slices.flatMap((slice) => slice.invalid).sort(byIndex);
  const summary: { [count: string]: number } = {};
  for (const slice of slices) {
    for (const [name, value] of Object.entries(slice.summary)) {
      summary[name] =
        name === "seconds" ? Math.max(summary[name] ?? 0, value) : (summary[name] ?? 0) + value;
    }
  }
  const seen = new Array<number>(total).fill(0);
  for (const entry of [...created, ...failed, ...invalid]) {
    seen[entry.index] = (seen[entry.index] ?? 0) + 1;
  }
  const unaccounted = seen.flatMap((times, index) => (times === 1 ? [] : [index]));
  return { summary, created, failed, invalid, unaccounted };
}
