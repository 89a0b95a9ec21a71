// The Windmill resource type in resources/ and the Kustomer type every script declares agree.
import { describe, expect, test } from "bun:test";
import Ajv2020 from "ajv/dist/2020";
import { readProjectFile } from "./helpers/project.ts";

const resourceType = JSON.parse(readProjectFile("resources/kustomer.resource-type.json"));
const validate = new Ajv2020({ strict: false }).compile(resourceType);

test("declares the fields of the Kustomer type, with only apiKey required", () => {
  const block = readProjectFile("resources/kustomer.ts");
  const fields = [
    ...(/type Kustomer = \{([\s\S]*?)\n\};/.exec(block)?.[1] ?? "").matchAll(/^ {2}(\w+)(\?)?:/gm),
  ].map((match) => `${match[1]}${match[2] ?? ""}`);
  expect(fields).toEqual(["apiKey", "region?", "orgName?", "baseUrl?"]);
  expect(Object.keys(resourceType.properties)).toEqual(["apiKey", "region", "orgName", "baseUrl"]);
  expect(resourceType.required).toEqual(["apiKey"]);
  expect(resourceType.properties.region.enum).toEqual(["us", "eu", "india"]);
});

test("accepts a Hub-style resource and each way of choosing a host; rejects bad values", () => {
  expect(validate({ apiKey: "k" })).toBe(true);
  expect(validate({ apiKey: "k", region: "eu" })).toBe(true);
  expect(validate({ apiKey: "k", orgName: "acme" })).toBe(true);
  expect(validate({ apiKey: "k", baseUrl: "http://127.0.0.1:4010" })).toBe(true);
  expect(validate({ region: "eu" })).toBe(false);
  expect(validate({ apiKey: "k", region: "apac" })).toBe(false);
  expect(validate({ apiKey: "k", orgName: "acme.kustomerapp.com" })).toBe(false);
});

describe("kustomer_webhook", () => {
  const webhookType = JSON.parse(readProjectFile("resources/kustomer_webhook.resource-type.json"));
  const validateWebhook = new Ajv2020({ strict: false }).compile(webhookType);

  test("declares the intake's KustomerWebhook type: one required token, a password field", () => {
    const intake = readProjectFile("scripts/webhooks/receive_kustomer_event.ts");
    const fields = [
      ...(/type KustomerWebhook = \{([\s\S]*?)\n\};/.exec(intake)?.[1] ?? "").matchAll(
        /^ {2}(\w+)(\?)?:/gm,
      ),
    ].map((match) => `${match[1]}${match[2] ?? ""}`);
    expect(fields).toEqual(["token"]);
    expect(Object.keys(webhookType.properties)).toEqual(["token"]);
    expect(webhookType.required).toEqual(["token"]);
    expect(webhookType.properties.token.password).toBe(true);
  });

  test("accepts a token; refuses an empty or missing one", () => {
    expect(validateWebhook({ token: "3f6c0a9e" })).toBe(true);
    expect(validateWebhook({ token: "" })).toBe(false);
    expect(validateWebhook({})).toBe(false);
  });
});
