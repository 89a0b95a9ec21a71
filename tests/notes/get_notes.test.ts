import { describe, test } from "bun:test";
import { main } from "../../scripts/notes/get_notes.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const page = {
  data: [
    { type: "note", id: "5f1c6a3e9d1b2c0011a0b0d5", attributes: { body: "Refund approved." } },
  ],
  meta: { page: 2, pageSize: 100 },
  links: { next: null },
};

describe("get_notes", () => {
  test("sends GET /v1/notes with page and pageSize, which the spec leaves out", async () => {
    await callAndCheck(
      main,
      [2, 100],
      { method: "GET", path: "/v1/notes", query: { page: "2", pageSize: "100" } },
      { status: 200, body: page },
    );
  });

  test("without page and pageSize no query is sent", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/notes", query: {} },
      { status: 200, body: page },
    );
    await callAndCheck(main, [undefined, undefined], {
      method: "GET",
      path: "/v1/notes",
      query: {},
    });
  });
});
