// Kustomer ids are MongoDB ObjectIds: 24 lowercase hex characters. The sandbox makes them the
// same way (seconds since the epoch, a per-process random part, a counter), so ids sort by
// creation time like real ones and clients that check the shape accept them.

const PROCESS_PART = Array.from(crypto.getRandomValues(new Uint8Array(5)), (byte) =>
  byte.toString(16).padStart(2, "0"),
).join("");

let counter = crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;

export const OBJECT_ID = /^[0-9a-f]{24}$/;

export function newObjectId(): string {
  counter = (counter + 1) % 0x1000000;
  const seconds = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, "0");
  return seconds + PROCESS_PART + counter.toString(16).padStart(6, "0");
}

export function isObjectId(value: unknown): value is string {
  return typeof value === "string" && OBJECT_ID.test(value);
}
