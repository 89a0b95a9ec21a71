// Kustomer delivers each event at least once (developer.kustomer.com/docs/events/delivery-and-retries)
// and its signature carries no timestamp, so the same event can arrive again. This step remembers
// the ids of the events the flow has handled, in Windmill's state (windmill-client getState and
// setState, a resource of type state at `statePath`), and tells the flow when an id comes again.
// The flow runs it twice: first to check (before any action), last to remember (after every action
// succeeded), so an event whose actions failed is not dropped when Kustomer retries it.
import * as wmill from "windmill-client";

/** The most recent ids kept: Kustomer retries for about an hour, a few thousand is ample. */
const KEEP = 5000;

export async function main(id: string, statePath: string, remember: boolean) {
  if (typeof id !== "string" || id === "") {
    throw new Error("no event id: this step takes results.verify.id, the intake's event id");
  }
  const state = (await wmill.getState(statePath)) as { ids?: unknown } | undefined;
  const ids = Array.isArray(state?.ids)
    ? state.ids.filter((seen): seen is string => typeof seen === "string")
    : [];
  const duplicate = ids.includes(id);
  if (remember && !duplicate) {
    await wmill.setState({ ids: [...ids, id].slice(-KEEP) }, statePath);
  }
  return { id, duplicate };
}
