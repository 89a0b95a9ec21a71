import { describe, test } from "bun:test";
import { main } from "../../scripts/users/get_multiple_users_by_ids.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const list = {
  data: [
    { type: "user", id: "5f1c6a3e9d1b2c0011a0b0c1", attributes: { name: "Ada Lovelace" } },
    { type: "user", id: "5f1c6a3e9d1b2c0011a0b0c2", attributes: { name: "Grace Hopper" } },
  ],
};

describe("get_multiple_users_by_ids", () => {
  test("sends GET /v1/users/{ids} with the commas between ids left as they are", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0c1,5f1c6a3e9d1b2c0011a0b0c2"],
      { method: "GET", path: "/v1/users/5f1c6a3e9d1b2c0011a0b0c1,5f1c6a3e9d1b2c0011a0b0c2" },
      { status: 200, body: list },
    );
  });

  test("everything but the commas is percent-encoded, spaces included", async () => {
    await callAndCheck(main, ["acct/42 +vip, 5f1c6a3e9d1b2c0011a0b0c2"], {
      method: "GET",
      path: "/v1/users/acct%2F42%20%2Bvip,%205f1c6a3e9d1b2c0011a0b0c2",
    });
  });

  test("ids is required", async () => {
    await expectRefused(main, [""], "ids is required");
  });
});
