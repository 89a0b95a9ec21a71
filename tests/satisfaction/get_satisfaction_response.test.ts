import { describe, test } from "bun:test";
import { main } from "../../scripts/satisfaction/get_satisfaction_response.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const answer = kustomerRecord("satisfaction_response", "5f1c6a3e9d1b2c0011a0b0c7", {
  rating: 5,
  status: "rated",
});

describe("get_satisfaction_response", () => {
  test("sends GET /v1/satisfaction-responses/{id}", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c7"],
      { method: "GET", path: `/v1/satisfaction-responses/5f1c6a3e9d1b2c0011a0b0c7`, query: {} },
      { status: 200, body: answer },
    );
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["acct/42 +vip"], {
      method: "GET",
      path: "/v1/satisfaction-responses/acct%2F42%20%2Bvip",
    });
    await expectRefused(main, [""], "id is required");
  });
});
