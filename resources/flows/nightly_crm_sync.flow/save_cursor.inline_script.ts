// Saves the export's cursor once a page has been sent to the CRM: a run that fails half-way resumes
// from the last page sent (a page may be sent twice, never skipped).
import * as wmill from "windmill-client";

export async function main(stateResource: string, cursor: unknown, done: boolean) {
  await wmill.setState({ cursor, savedAt: new Date().toISOString() }, stateResource);
  return { cursor, done };
}
