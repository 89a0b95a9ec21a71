// Where last night's sync stopped: the cursor kept in a Windmill state resource (stateResource),
// or null on the first night, when the export starts from `since` (or from the beginning).
// Windmill's state is reached through its API with fetch (the block below), so the step imports
// nothing and ships its lock: a deploy never resolves dependencies for it.

export async function main(stateResource: string) {
  const saved = (await windmillState(stateResource).get()) as { cursor?: unknown } | undefined;
  return { cursor: saved?.cursor ?? null };
}

// <windmill-state v1> Do not edit in a script or flow step: the source is resources/sync.ts.
// Stamped on its own into the flows' state steps (resources/flows/*/…inline_script.ts) as well.

/** A JSON value kept between runs, and where it is kept (for messages). */
type WindmillStateStore = {
  where: string;
  get(): Promise<unknown>;
  set(value: unknown): Promise<void>;
};

/**
 * Windmill's state API, called as windmill-client's getState and setState call it: the state is
 * the resource at `path` (of type "state"), read with get_value_interpolated (a 404 means no state
 * yet) and written with update_value, or created on the first write; the worker's WM_TOKEN,
 * BASE_INTERNAL_URL and WM_WORKSPACE address it. Done with fetch so that a step imports nothing:
 * it pastes alone and ships Windmill's lock for a script without dependencies, so a deploy never
 * has to resolve one. https://www.windmill.dev/docs/core_concepts/resources_and_types#states
 */
function windmillState(path: string): WindmillStateStore {
  const env: { [name: string]: string | undefined } =
    typeof process === "undefined" ? {} : process.env;
  if (typeof path !== "string" || path === "") {
    throw new Error("no state path: give the path of a Windmill resource, e.g. f/kustomer/state");
  }
  const root = (env.BASE_INTERNAL_URL || env.BASE_URL || "http://localhost:8000").replace(
    /\/+$/,
    "",
  );
  const resources = `${root}/api/w/${encodeURIComponent(env.WM_WORKSPACE ?? "")}/resources`;
  /** A call of the state API; a 404 is an answer only for a read (no state yet). */
  const call = async (method: string, route: string, body?: unknown): Promise<Response> => {
    const response = await fetch(`${resources}/${route}`, {
      method,
      headers: {
        Authorization: `Bearer ${env.WM_TOKEN ?? ""}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const noStateYet = response.status === 404 && route.startsWith("get_value_interpolated/");
    if (!response.ok && !noStateYet) {
      // Windmill's answer, never the token.
      const text = (await response.text()).slice(0, 300);
      throw new Error(`Windmill state ${route.split("/")[0]} failed: ${response.status} ${text}`);
    }
    return response;
  };
  return {
    where: `Windmill state (${path})`,
    get: async () => {
      const response = await call("GET", `get_value_interpolated/${encodeURI(path)}`);
      return response.status === 404 ? undefined : await response.json();
    },
    set: async (value) => {
      const exists = await (await call("GET", `exists/${encodeURI(path)}`)).json();
      if (exists === true) {
        await call("POST", `update_value/${encodeURI(path)}`, { value });
      } else {
        await call("POST", "create", { path, value, resource_type: "state" });
      }
    },
  };
}
// </windmill-state>
