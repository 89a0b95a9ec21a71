import { describe, test } from "bun:test";
import { main } from "../../scripts/brands/get_brands.ts";
import { callAndCheck } from "../helpers/request-check.ts";

const page = {
  data: [{ type: "brand", id: "5f1c6a3e9d1b2c0011a0b0b1", attributes: { name: "Kustom Socks" } }],
  meta: { page: 2, pageSize: 25 },
  links: { next: null },
};

describe("get_brands", () => {
  test("sends GET /v1/brands with page and pageSize", async () => {
    await callAndCheck(
      main,
      [2, 25],
      { method: "GET", path: "/v1/brands", query: { page: "2", pageSize: "25" } },
      { status: 200, body: page },
    );
  });

  test("without values no query is sent", async () => {
    await callAndCheck(
      main,
      [],
      { method: "GET", path: "/v1/brands", query: {} },
      {
        status: 200,
        body: page,
      },
    );
  });
});
