// What each script does, in our own words, one file per script folder under tools/descriptions/
// (each exports DESCRIPTIONS keyed by operationId). A script is generated for an operation exactly
// when it has a description; the rest of its header comes from Kustomer's reference.

import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";

const FOLDER = join(dirname(import.meta.path), "descriptions");

/** All descriptions, keyed by operationId; an operation described twice is an error. */
export async function loadDescriptions(): Promise<Map<string, string>> {
  const descriptions = new Map<string, string>();
  for (const file of readdirSync(FOLDER)
    .filter((name) => name.endsWith(".ts"))
    .sort()) {
    const module: { DESCRIPTIONS: { [operationId: string]: string } } = await import(
      join(FOLDER, file)
    );
    for (const [operationId, text] of Object.entries(module.DESCRIPTIONS)) {
      if (descriptions.has(operationId)) {
        throw new Error(`tools/descriptions/${file}: ${operationId} is described twice`);
      }
      descriptions.set(operationId, text);
    }
  }
  return descriptions;
}
