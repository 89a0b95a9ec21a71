import { describe, expect, test } from "bun:test";
import { main } from "../../scripts/media/update_media.ts";
import { jsonResponse, kustomerRecord, stubFetch, TEST_AUTH } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused, testOfficialBody } from "../helpers/request-check.ts";

const id = "5f1c6a3e9d1b2c0011a0b0b5";
const changes = { name: "returns-diagram-v2.png", redacted: false };
const updated = kustomerRecord("media", id, changes);

describe("update_media", () => {
  test("sends PUT /v1/media/{id} with the fields set and returns the media object", async () => {
    await callAndCheck(
      main,
      [id, changes],
      { method: "PUT", path: `/v1/media/${id}`, query: {}, body: changes },
      { status: 200, body: updated },
    );
  });

  testOfficialBody("PUT", "/media/{id}", main, [id, changes]);

  test("the id is percent-encoded and required; only name and redacted can be changed", async () => {
    await callAndCheck(main, ["img/42 +x", { redacted: true }], {
      method: "PUT",
      path: "/v1/media/img%2F42%20%2Bx",
      body: { redacted: true },
    });
    await expectRefused(main, ["", changes], "id is required");
    await expectRefused(
      main,
      [id, { contentType: "image/png" }],
      "body.contentType is not a field Kustomer accepts here",
    );
  });

  test("a 500 is retried: a PUT is safe to repeat", async () => {
    const calls = stubFetch((_request, index) =>
      index === 0 ? jsonResponse(500, {}, { "retry-after": "0" }) : jsonResponse(200, updated),
    );
    expect(await main(TEST_AUTH, id, changes)).toEqual(updated);
    expect(calls).toHaveLength(2);
  });
});
