import { describe, test } from "bun:test";
import { main } from "../../scripts/klasses/update_klass.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const id = "5f1c6a3e9d1b2c0011a0b0a1";
// status is a string choice; the generated type reads it as an object (reported), hence `as never`.
const changes = {
  displayName: "Customer order",
  color: "#e94e77",
  mixins: ["editable"],
  status: "disabled",
} as never;

describe("update_klass", () => {
  test("sends PUT /v1/klasses/{id} with the fields set and returns the Klass", async () => {
    await callAndCheck(
      main,
      [id, changes],
      { method: "PUT", path: `/v1/klasses/${id}`, body: changes },
      { status: 200, body: kustomerRecord("klass", id, changes) },
    );
  });

  testOfficialBody("PUT", "/klasses/{id}", main, [id, changes]);

  test("fields left blank are not sent", async () => {
    await callAndCheck(main, [id, { displayName: "", icon: "box", mixins: [] }], {
      method: "PUT",
      path: `/v1/klasses/${id}`,
      body: { icon: "box" },
    });
  });

  test("the id is percent-encoded and required", async () => {
    await callAndCheck(main, ["klass/1 +x", { icon: "box" }], {
      method: "PUT",
      path: "/v1/klasses/klass%2F1%20%2Bx",
      body: { icon: "box" },
    });
    await expectRefused(main, ["", { icon: "box" }], "id is required");
  });

  test("renaming (name is not in the body) and an unknown mixin are refused", async () => {
    await expectRefused(main, [id, { name: "orders" } as never], "body.name is not a field");
    await expectRefused(
      main,
      [id, { mixins: ["deletable" as never] }],
      "body.mixins[0] must be one of",
    );
  });
});
