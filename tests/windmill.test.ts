// Windmill builds each script's form from main's signature with its own parser; run that parser
// (npm windmill-parser-wasm-ts, parse_deno) on every script, as Windmill would on paste or sync.
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import init, { parse_deno } from "windmill-parser-wasm-ts";
import { kustomerKind, kustomerSignature } from "../resources/kustomer.ts";
import { listKustomerScripts, readProjectFile } from "./helpers/project.ts";

type WindmillType =
  | string
  | { str: string[] | null }
  | { list: WindmillType }
  | { object: { name: string | null; props: { key: string; typ: WindmillType }[] } }
  | { [other: string]: unknown };

type WindmillArg = { name: string; typ: WindmillType; has_default: boolean; default: unknown };

await init({
  module_or_path: readFileSync(
    require.resolve("windmill-parser-wasm-ts/windmill_parser_wasm_bg.wasm"),
  ),
});

function parse(source: string): WindmillArg[] {
  return JSON.parse(parse_deno(source)).args;
}

/** Every place in a parsed type that Windmill would render badly, with where it is. */
function badRenderings(typ: WindmillType, where: string): string[] {
  if (typeof typ === "string") {
    return ["str", "int", "float", "bool", "datetime", "email"].includes(typ)
      ? []
      : [`${where}: ${typ}`];
  }
  if ("str" in typ) {
    return [];
  }
  if ("list" in typ) {
    return badRenderings(typ.list as WindmillType, `${where}[]`);
  }
  if ("object" in typ) {
    const object = typ.object as {
      name: string | null;
      props: { key: string; typ: WindmillType }[];
    };
    if (object.name !== null) {
      return [`${where}: named type ${object.name} (a resource picker)`];
    }
    return object.props.flatMap((prop) => badRenderings(prop.typ, `${where}.${prop.key}`));
  }
  return [`${where}: ${JSON.stringify(typ)}`];
}

describe("the check itself", () => {
  test("catches what Windmill renders badly", () => {
    const source = `type Body = { a: string };
export async function main(a: Body, b: Array<string>, c: 1 | 2, d: { e: Record<string, string>; f: string[] | number[] }) {}`;
    const problems = parse(source).flatMap((arg) => badRenderings(arg.typ, arg.name));
    expect(problems.length).toBeGreaterThanOrEqual(4);
  });
});

for (const file of listKustomerScripts()) {
  describe(`${file} in Windmill's parser`, () => {
    const source = readProjectFile(file);
    const args = parse(source);

    test("auth is the kustomer resource, with its fields", () => {
      const auth = args[0] as WindmillArg;
      expect(auth.name).toBe("auth");
      expect(auth.typ).toMatchObject({ object: { name: "kustomer" } });
      const props = (auth.typ as { object: { props: { key: string }[] } }).object.props.map(
        (prop) => prop.key,
      );
      expect(props).toEqual(["apiKey", "region", "orgName", "baseUrl"]);
    });

    test("every parameter is main's, in order, and required exactly when main requires it", () => {
      const signature = kustomerSignature(source);
      expect(args.map((arg) => arg.name)).toEqual(signature.map((parameter) => parameter.name));
      expect(args.slice(1).map((arg) => arg.has_default)).toEqual(
        signature.slice(1).map((parameter) => parameter.optional),
      );
    });

    test("the terminal reads each parameter's default and kind as Windmill's form does", () => {
      // --help and the flags come from kustomerSignature; Windmill's form from its parser. They
      // must agree, so the terminal and the form never describe a script differently.
      const signature = kustomerSignature(source).slice(1);
      const kindOf = (typ: WindmillType): string => {
        if (typ === "int" || typ === "float") {
          return "number";
        }
        if (typ === "bool") {
          return "boolean";
        }
        if (typeof typ === "object" && "str" in typ) {
          return typ.str === null ? "text" : "choice";
        }
        return typeof typ === "string" ? typ : "json";
      };
      expect(
        signature.map((parameter) => ({
          name: parameter.name,
          default: parameter.default === undefined ? null : JSON.parse(parameter.default),
          kind: kustomerKind(parameter) as string,
        })),
      ).toEqual(
        args.slice(1).map((arg) => ({
          name: arg.name,
          default: arg.default ?? null,
          kind: kindOf(arg.typ),
        })),
      );
    });

    test("no parameter or nested field renders untyped or as a bogus resource picker", () => {
      const problems = args.slice(1).flatMap((arg) => badRenderings(arg.typ, arg.name));
      expect(problems).toEqual([]);
    });
  });
}
