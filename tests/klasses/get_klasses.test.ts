import { describe, test } from "bun:test";
import { main } from "../../scripts/klasses/get_klasses.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const page = {
  data: [{ type: "klass", id: "5f1c6a3e9d1b2c0011a0b0a1", attributes: { name: "order" } }],
  meta: { page: 2, pageSize: 50 },
  links: { next: null },
};

describe("get_klasses", () => {
  test("sends GET /v1/klasses with pageSize, page and status", async () => {
    await callAndCheck(
      main,
      [50, 2, "existing_only"],
      {
        method: "GET",
        path: "/v1/klasses",
        query: { pageSize: "50", page: "2", status: "existing_only" },
      },
      { status: 200, body: page },
    );
  });

  test("without values no query is sent, so Kustomer's defaults apply", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/klasses", query: {} },
      {
        status: 200,
        body: page,
      },
    );
  });
});
