/**
 * Cut the records into slices
 *
 * Step 1 of the import_customers_at_scale flow: cuts the records into slices of sliceSize, each
 * with the index of its first record in the whole input, so that every import step reports the
 * indexes of the whole input. Runs on Bun: it holds every record, more than the 128 MiB of a native
 * worker may take.
 */
export async function main(records: { [field: string]: unknown }[], sliceSize = 2000) {
  if (!Array.isArray(records)) {
    throw new Error("records must be a list of customers (a JSON array)");
  }
  if (!Number.isInteger(sliceSize) || sliceSize < 1) {
    throw new Error(`sliceSize must be a whole number of at least 1 (got ${sliceSize})`);
  }
  const slices: { firstIndex: number; records: { [field: string]: unknown }[] }[] = [];
  for (let firstIndex = 0; firstIndex < records.length; firstIndex += sliceSize) {
    slices.push({ firstIndex, records: records.slice(firstIndex, firstIndex + sliceSize) });
  }
  return slices;
}
