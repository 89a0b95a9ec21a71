import { describe, test } from "bun:test";
import { main } from "../../scripts/apps/update_kview.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const sent: Parameters<typeof main>[3] = { enabled: false, meta: { displayName: "Orders" } };
const answer = kustomerRecord("kview", "5f1c6a3e9d1b2c0011a0b0d2", sent);

describe("update_kview", () => {
  test("sends PUT /v1/kviews/{resource}/{id} and the body as given", async () => {
    await callAndCheck(
      main,
      ["kobject.order", "5f1c6a3e9d1b2c0011a0b0d2", sent],
      {
        method: "PUT",
        path: "/v1/kviews/kobject.order/5f1c6a3e9d1b2c0011a0b0d2",
        query: {},
        body: sent,
      },
      { status: 200, body: answer },
    );
  });

  test("the resource and the id are required; the body must be an object", async () => {
    await expectRefused(main, ["", "k1", sent], "resource is required");
    await expectRefused(main, ["customer", "", sent], "id is required");
    await expectRefused(main, ["customer", "k1", "off" as never], "body must be an object");
  });
});
