import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/kobjects/update_kobject.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const id = "5f1c6a3e9d1b2c0011a0b0f1";
const changes: Parameters<typeof main>[3] = {
  title: "Order #1001 (delivered)",
  data: { carrier: "DHL", trackingNumber: "JD014600006281230704" },
  custom: { statusStr: "delivered", deliveredAt: "2025-03-03T15:20:00.000Z", returnUrl: null },
  tags: ["delivered"],
};

describe("update_kobject", () => {
  test("sends PUT /v1/klasses/{name}/{id} with the fields set and returns the object", async () => {
    await callAndCheck(
      main,
      ["order", id, changes],
      { method: "PUT", path: `/v1/klasses/order/${id}`, body: changes },
      { status: 200, body: kustomerRecord("kobject", id, changes) },
    );
  });

  testOfficialBody("PUT", "/klasses/{name}/{id}", main, ["order", id, changes]);

  test("fields left blank are not sent", async () => {
    await callAndCheck(
      main,
      ["order", id, { title: "", description: "Gift wrap", tags: [], custom: { noteStr: "" } }],
      {
        method: "PUT",
        path: `/v1/klasses/order/${id}`,
        body: { description: "Gift wrap" },
      },
    );
  });

  test("both path values are percent-encoded and required", async () => {
    await callAndCheck(main, ["order/eu v2", "k/1 +x", { icon: "box" }], {
      method: "PUT",
      path: "/v1/klasses/order%2Feu%20v2/k%2F1%20%2Bx",
      body: { icon: "box" },
    });
    await expectRefused(main, ["", id, changes], "name is required");
    await expectRefused(main, ["order", "", changes], "id is required");
  });

  test("a too long title and a customer link (create only) are refused", async () => {
    await expectRefused(
      main,
      ["order", id, { title: "x".repeat(257) }],
      "body.title is 257 characters long",
    );
    await expectRefused(
      main,
      ["order", id, { customer: "5f1c6a3e9d1b2c0011a0b0c2" } as never],
      "body.customer is not a field",
    );
  });

  test("a 500 is retried: a PUT is safe to repeat", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, { data: {} }),
    );
    expect(await main(TEST_AUTH, "order", id, changes)).toEqual({ data: {} });
    expect(calls).toHaveLength(2);
  });
});
