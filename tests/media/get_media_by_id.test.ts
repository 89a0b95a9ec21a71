import { describe, test } from "bun:test";
import { main } from "../../scripts/media/get_media_by_id.ts";
import { kustomerRecord } from "../helpers/fetch-stub.ts";
import { callAndCheck, expectRefused } from "../helpers/request-check.ts";

const media = kustomerRecord("media", "5f1c6a3e9d1b2c0011a0b0b5", { name: "returns-diagram.png" });

describe("get_media_by_id", () => {
  test("sends GET /v1/media/{id} and returns the media object", async () => {
    await callAndCheck(
      main,
      ["5f1c6a3e9d1b2c0011a0b0b5"],
      { method: "GET", path: "/v1/media/5f1c6a3e9d1b2c0011a0b0b5", query: {} },
      { status: 200, body: media },
    );
  });

  test("a comma-separated list of ids keeps its commas; other characters are percent-encoded", async () => {
    await callAndCheck(main, ["5f1c6a3e9d1b2c0011a0b0b5,5f1c6a3e9d1b2c0011a0b0b6"], {
      method: "GET",
      path: "/v1/media/5f1c6a3e9d1b2c0011a0b0b5,5f1c6a3e9d1b2c0011a0b0b6",
    });
    await callAndCheck(main, ["img/42 +x"], { method: "GET", path: "/v1/media/img%2F42%20%2Bx" });
    await expectRefused(main, [""], "id is required");
  });
});
