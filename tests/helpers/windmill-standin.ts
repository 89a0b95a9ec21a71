// A stand-in for the parts of Windmill's HTTP API that `wmill sync push`, `wmill lint` and
// `wmill resource-type push` use, on 127.0.0.1, so the real CLI (npm windmill-cli, pinned in
// package.json) can be run against a workspace whose contents the test chooses, and every call it
// makes can be checked.
//
// What it answers follows Windmill's backend (windmill-labs/windmill, backend/windmill-api):
// - the workspace export (`GET /w/{w}/workspaces/tarball?archive_type=zip`) is built like
//   workspaces_export.rs: `f/<folder>/folder.meta.json`, `<path>.ts` + `<path>.script.json` for each
//   script's newest non-archived version, `<path>.flow.json`, `<name>.resource-type.json` for the
//   workspace's own types, and `dependencies/<file>` only with include_workspace_dependencies=true.
//   The zip holds file entries only, as async_zip writes it (the CLI's reader does not end on a zip
//   with directory entries);
// - resource types are read from the workspace or, failing that, from `admins`, where instances that
//   sync the Hub keep theirs (resources.rs `get_resource_type`); an update touches the workspace's
//   row only, so it changes nothing when the type lives in `admins` (`update_resource_type`);
// - a script is versioned: creating one at an existing path adds a version; archiving hides it.
// Routes it does not know are recorded and answered 404, so a test sees them.

import { deflateRawSync } from "node:zlib";

export type StandinScript = {
  path: string;
  content: string;
  summary: string;
  description: string;
  schema: unknown;
  lock: string;
  kind: string;
  language: string;
  timeout?: number;
  has_preprocessor?: boolean;
  archived?: boolean;
  hash?: string;
};

export type StandinFlow = {
  path: string;
  summary: string;
  description: string;
  value: unknown;
  schema: unknown;
  timeout?: number;
};

export type StandinFolder = { summary: string | null; display_name: string };

export type StandinResourceType = {
  name: string;
  schema: unknown;
  description: string;
};

export type StandinSeed = {
  scripts?: StandinScript[];
  flows?: StandinFlow[];
  folders?: string[];
  /** Resource types of the workspace itself. */
  resourceTypes?: StandinResourceType[];
  /** Resource types of the instance's `admins` workspace (the Hub's, on a Hub-synced instance). */
  adminsResourceTypes?: StandinResourceType[];
  /** Workspace dependency files, by name under dependencies/ (e.g. `package.json`). */
  dependencies?: { [name: string]: string };
};

export type StandinCall = { method: string; path: string; query: string; body: unknown };

export type Standin = {
  url: string;
  workspace: string;
  token: string;
  calls: StandinCall[];
  /** Calls that change something (anything but GET). */
  writes(): StandinCall[];
  scripts: Map<string, StandinScript[]>;
  flows: Map<string, StandinFlow>;
  folders: Map<string, StandinFolder>;
  resourceTypes: Map<string, StandinResourceType>;
  adminsResourceTypes: Map<string, StandinResourceType>;
  dependencies: Map<string, string>;
  /** Resources by path (a trigger's state among them, of type "state"). */
  resources: Map<string, { value: unknown; resource_type: string }>;
  stop(): void;
};

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip of deflated file entries only (no directory entries), like the backend's export. */
export function zipFiles(files: { [name: string]: string }): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const entries = Object.entries(files);
  for (const [name, text] of entries) {
    const nameBytes = new TextEncoder().encode(name);
    const data = new TextEncoder().encode(text);
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true); // UTF-8 names
    local.setUint16(8, 8, true); // deflate
    local.setUint32(14, crc, true);
    local.setUint32(18, packed.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, nameBytes.length, true);
    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(6, 20, true);
    header.setUint16(8, 0x0800, true);
    header.setUint16(10, 8, true);
    header.setUint32(16, crc, true);
    header.setUint32(20, packed.length, true);
    header.setUint32(24, data.length, true);
    header.setUint16(28, nameBytes.length, true);
    header.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), nameBytes, packed);
    central.push(new Uint8Array(header.buffer), nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return Buffer.concat([...chunks, ...central, new Uint8Array(end.buffer)]);
}

/** The newest version of each script, as the export and `scripts/get/p` see it. */
function latest(versions: StandinScript[] | undefined): StandinScript | undefined {
  return versions?.[versions.length - 1];
}

/** Script metadata as the backend's export writes it (ScriptMetadata, pretty JSON). */
function scriptMetadataJson(script: StandinScript): string {
  return JSON.stringify(
    {
      summary: script.summary,
      description: script.description,
      schema: script.schema,
      lock: script.lock,
      kind: script.kind,
      ...(script.timeout !== undefined ? { timeout: script.timeout } : {}),
      ...(script.has_preprocessor ? { has_preprocessor: true } : {}),
    },
    null,
    2,
  );
}

let hashCounter = 0;

export function startWindmillStandin(seed: StandinSeed, workspace = "acme"): Standin {
  const token = "standin-token";
  const calls: StandinCall[] = [];
  const scripts = new Map<string, StandinScript[]>();
  for (const script of seed.scripts ?? []) {
    scripts.set(script.path, [{ ...script, hash: script.hash ?? `h${++hashCounter}` }]);
  }
  const flows = new Map((seed.flows ?? []).map((flow) => [flow.path, flow]));
  const folders = new Map<string, StandinFolder>(
    (seed.folders ?? []).map((name) => [name, { summary: null, display_name: name }]),
  );
  const resourceTypes = new Map((seed.resourceTypes ?? []).map((type) => [type.name, type]));
  const adminsResourceTypes = new Map(
    (seed.adminsResourceTypes ?? []).map((type) => [type.name, type]),
  );
  const dependencies = new Map(Object.entries(seed.dependencies ?? {}));
  const resources = new Map<string, { value: unknown; resource_type: string }>();

  function exportZip(query: URLSearchParams): Uint8Array {
    const files: { [name: string]: string } = {};
    for (const [name, folder] of [...folders].sort()) {
      files[`f/${name}/folder.meta.json`] = JSON.stringify(
        { ...folder, owners: [], extra_perms: {} },
        null,
        2,
      );
    }
    for (const [path, versions] of scripts) {
      const script = latest(versions);
      if (!script || script.archived) {
        continue;
      }
      files[`${path}.ts`] = script.content;
      files[`${path}.script.json`] = scriptMetadataJson(script);
    }
    if (query.get("skip_resource_types") !== "true") {
      for (const type of resourceTypes.values()) {
        files[`${type.name}.resource-type.json`] = JSON.stringify(
          { schema: type.schema, description: type.description, format_extension: null },
          null,
          2,
        );
      }
    }
    for (const flow of flows.values()) {
      files[`${flow.path}.flow.json`] = JSON.stringify(
        {
          summary: flow.summary,
          description: flow.description,
          value: flow.value,
          schema: flow.schema,
          ...(flow.timeout !== undefined ? { timeout: flow.timeout } : {}),
        },
        null,
        2,
      );
    }
    if (query.get("include_workspace_dependencies") === "true") {
      for (const [name, content] of dependencies) {
        files[`dependencies/${name}`] = content;
      }
    }
    return zipFiles(files);
  }

  const json = (value: unknown, status = 200) => Response.json(value, { status });
  const text = (value: string, status = 200) => new Response(value, { status });
  const notFound = (what: string) => text(`not found: ${what}`, 404);

  type Handler = (name: string, body: unknown) => Response;
  const whoami = () => json({ email: "admin@example.com", username: "admin", is_admin: true });

  /** The workspace routes: method, path under /api/w/{workspace}/ (the name captured), handler. */
  const routes: [string, RegExp, Handler][] = [
    ["GET", /^users\/whoami$/, whoami],
    ["GET", /^resources\/file_resource_type_to_file_ext_map$/, () => json({})],
    // Scripts
    [
      "GET",
      /^scripts\/get\/p\/(.+)$/,
      (path) => {
        const script = latest(scripts.get(path));
        return script ? json({ ...script, workspace_id: workspace }) : notFound(path);
      },
    ],
    ["GET", /^scripts\/exists\/p\/(.+)$/, (path) => json(scripts.has(path))],
    ["POST", /^scripts\/create$/, (_, body) => createScript(body as SentScript)],
    [
      "POST",
      /^scripts\/archive\/p\/(.+)$/,
      (path) => {
        const script = latest(scripts.get(path));
        if (!script) {
          return notFound(path);
        }
        script.archived = true;
        return text(`archived ${path}`);
      },
    ],
    [
      "POST",
      /^scripts\/delete\/p\/(.+)$/,
      (path) => {
        scripts.delete(path);
        return text(`deleted ${path}`);
      },
    ],
    // Flows
    [
      "GET",
      /^flows\/get\/(.+)$/,
      (path) => {
        const flow = flows.get(path);
        return flow ? json({ ...flow, workspace_id: workspace }) : notFound(path);
      },
    ],
    ["GET", /^flows\/exists\/(.+)$/, (path) => json(flows.has(path))],
    [
      "POST",
      /^flows\/create$/,
      (_, body) => {
        const sent = body as StandinFlow;
        flows.set(sent.path, pickFlow(sent));
        return text(sent.path, 201);
      },
    ],
    [
      "POST",
      /^flows\/update\/(.+)$/,
      (path, body) => {
        const sent = body as StandinFlow;
        flows.delete(path);
        flows.set(sent.path ?? path, pickFlow({ ...sent, path: sent.path ?? path }));
        return text(sent.path ?? path);
      },
    ],
    [
      "DELETE",
      /^flows\/delete\/(.+)$/,
      (path) => {
        flows.delete(path);
        return text(`deleted ${path}`);
      },
    ],
    // Folders
    [
      "GET",
      /^folders\/get\/(.+)$/,
      (name) => {
        const folder = folders.get(name);
        return folder ? json({ name, ...folder, owners: [], extra_perms: {} }) : notFound(name);
      },
    ],
    ["GET", /^folders\/exists\/(.+)$/, (name) => json(folders.has(name))],
    [
      "POST",
      /^folders\/create$/,
      (_, body) => {
        const sent = body as { name: string; summary?: string; display_name?: string };
        folders.set(sent.name, {
          summary: sent.summary ?? null,
          display_name: sent.display_name ?? sent.name,
        });
        return text("created");
      },
    ],
    [
      "POST",
      /^folders\/update\/(.+)$/,
      (name, body) => {
        const folder = folders.get(name);
        if (!folder) {
          return notFound(name);
        }
        const sent = body as Partial<StandinFolder>;
        folders.set(name, { ...folder, ...sent });
        return text("updated");
      },
    ],
    // Resources (what windmill-client's getState and setState use: resources.rs).
    [
      "GET",
      /^resources\/get_value_interpolated\/(.+)$/,
      (path) => {
        const resource = resources.get(path);
        return resource ? json(resource.value) : notFound(path);
      },
    ],
    ["GET", /^resources\/exists\/(.+)$/, (path) => json(resources.has(path))],
    [
      "POST",
      /^resources\/update_value\/(.+)$/,
      (path, body) => {
        const resource = resources.get(path);
        if (!resource) {
          return notFound(path);
        }
        // A copy: what a test reads back must not be the recorded call's object.
        resources.set(path, {
          ...resource,
          value: structuredClone((body as { value: unknown }).value),
        });
        return text(`updated ${path}`);
      },
    ],
    [
      "POST",
      /^resources\/create$/,
      (_, body) => {
        const sent = body as { path: string; value: unknown; resource_type: string };
        if (resources.has(sent.path)) {
          return text(`resource ${sent.path} already exists`, 400);
        }
        resources.set(sent.path, {
          value: structuredClone(sent.value),
          resource_type: sent.resource_type,
        });
        return text(sent.path, 201);
      },
    ],
    // Resource types: read from the workspace, else from admins (resources.rs get_resource_type).
    [
      "GET",
      /^resources\/type\/get\/(.+)$/,
      (name) => {
        const type = resourceTypes.get(name) ?? adminsResourceTypes.get(name);
        const owner = resourceTypes.has(name) ? workspace : "admins";
        return type ? json({ ...type, workspace_id: owner }) : notFound(name);
      },
    ],
    [
      "GET",
      /^resources\/type\/exists\/(.+)$/,
      (name) => json(resourceTypes.has(name) || adminsResourceTypes.has(name)),
    ],
    [
      "POST",
      /^resources\/type\/create$/,
      (_, body) => {
        const sent = body as StandinResourceType;
        if (resourceTypes.has(sent.name)) {
          return text(`Resource type ${sent.name} already exists`, 400);
        }
        const { name, schema, description } = sent;
        resourceTypes.set(name, { name, schema, description: description ?? "" });
        return text(`resource_type ${name} created`, 201);
      },
    ],
    [
      "POST",
      /^resources\/type\/update\/(.+)$/,
      (name, body) => {
        // UPDATE resource_type ... WHERE name = $1 AND workspace_id = $2: the admins row is never
        // touched, and updating no row is no error.
        const existing = resourceTypes.get(name);
        const sent = body as Partial<StandinResourceType>;
        if (existing) {
          resourceTypes.set(name, {
            ...existing,
            ...(sent.schema !== undefined ? { schema: sent.schema } : {}),
            ...(sent.description !== undefined ? { description: sent.description } : {}),
          });
        }
        return text(`resource_type ${name} updated`);
      },
    ],
  ];

  type SentScript = StandinScript & {
    parent_hash?: string;
    timeout?: number | null;
    has_preprocessor?: boolean | null;
  };

  function createScript(sent: SentScript): Response {
    const versions = scripts.get(sent.path) ?? [];
    const hash = `h${++hashCounter}`;
    versions.push({
      path: sent.path,
      content: sent.content,
      summary: sent.summary,
      description: sent.description,
      schema: sent.schema,
      lock: sent.lock ?? "",
      kind: sent.kind ?? "script",
      // The backend stores a Bun script that starts with //native as bunnative.
      language: sent.content.startsWith("//native") ? "bunnative" : sent.language,
      ...(typeof sent.timeout === "number" ? { timeout: sent.timeout } : {}),
      ...(sent.has_preprocessor ? { has_preprocessor: true } : {}),
      hash,
    });
    scripts.set(sent.path, versions);
    return text(hash, 201);
  }

  function route(request: Request, url: URL, body: unknown): Response {
    if (url.pathname === "/api/users/whoami") {
      return whoami();
    }
    if (url.pathname === "/api/version") {
      return text("v1.600.0");
    }
    const match = /^\/api\/w\/([^/]+)\/(.*)$/.exec(url.pathname);
    if (!match || match[1] !== workspace) {
      return notFound(url.pathname);
    }
    const rest = decodeURIComponent(match[2] ?? "");
    if (rest === "workspaces/tarball") {
      return new Response(exportZip(url.searchParams), {
        headers: { "content-type": "application/octet-stream" },
      });
    }
    for (const [method, pattern, handler] of routes) {
      const found = request.method === method ? pattern.exec(rest) : null;
      if (found) {
        return handler(found[1] ?? "", body);
      }
    }
    return notFound(`${request.method} ${url.pathname}`);
  }

  function pickFlow(sent: StandinFlow): StandinFlow {
    return {
      path: sent.path,
      summary: sent.summary ?? "",
      description: sent.description ?? "",
      value: sent.value,
      schema: sent.schema,
      ...(sent.timeout !== undefined && sent.timeout !== null ? { timeout: sent.timeout } : {}),
    };
  }

  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      const url = new URL(request.url);
      const raw = await request.text();
      let body: unknown = raw === "" ? undefined : raw;
      try {
        body = raw === "" ? undefined : JSON.parse(raw);
      } catch {
        // not JSON: kept as text
      }
      calls.push({ method: request.method, path: url.pathname, query: url.search, body });
      return route(request, url, body);
    },
  });

  return {
    url: `http://127.0.0.1:${server.port}/`,
    workspace,
    token,
    calls,
    writes: () => calls.filter((call) => call.method !== "GET"),
    scripts,
    flows,
    folders,
    resourceTypes,
    adminsResourceTypes,
    dependencies,
    resources,
    stop: () => server.stop(true),
  };
}
