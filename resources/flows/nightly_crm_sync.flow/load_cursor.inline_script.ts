// Where last night's sync stopped: the cursor kept in a Windmill state resource (stateResource),
// or null on the first night, when the export starts from `since` (or from the beginning).
import * as wmill from "windmill-client";

export async function main(stateResource: string) {
  const saved = (await wmill.getState(stateResource).catch(() => undefined)) as
    | { cursor?: unknown }
    | null
    | undefined;
  return { cursor: saved?.cursor ?? null };
}
