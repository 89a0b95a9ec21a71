// Realistic request bodies, shaped like what support-ops teams send: every one of them is valid
// against Kustomer's official schema (checked in the script tests when the spec is present).
import type { main as createCustomer } from "../../scripts/customers/create_customer.ts";
import type { main as bulkCreateMessages } from "../../scripts/messages/bulk_create_messages.ts";

type CustomerBody = Parameters<typeof createCustomer>[1];
type MessageBody = Parameters<typeof bulkCreateMessages>[1][number];

export function sampleCustomer(index = 0): CustomerBody {
  return {
    name: `Ada Lovelace ${index}`,
    externalId: `crm-${1000 + index}`,
    company: "5f1c6a3e9d1b2c0011a0b0c1",
    emails: [{ type: "work", email: `ada${index}+vip@example.com`, verified: true }],
    phones: [{ type: "mobile", phone: "+14155550100" }],
    socials: [{ type: "twitter", username: "ada" }],
    urls: [{ type: "website", url: "https://example.com" }],
    locations: [
      { type: "work", address: "1 Main St", cityName: "London", countryCode: "GB", latitude: 51.5 },
    ],
    tags: ["vip", "beta-tester"],
    locale: "en-GB",
    timeZone: "Europe/London",
    gender: "f",
    birthdayAt: "1815-12-10T00:00:00.000Z",
    sentiment: { polarity: 1, confidence: 0.8 },
    custom: {
      tierStr: "gold",
      lifetimeValueNum: 1250.5,
      renewalAt: "2027-01-01T00:00:00Z",
      churnRiskBool: false,
    },
  };
}

export function sampleMessage(index = 0): MessageBody {
  return {
    _clientRef: `row-${index}`,
    externalId: `zendesk-msg-${index}`,
    customer: "5f1c6a3e9d1b2c0011a0b0c2",
    conversation: "5f1c6a3e9d1b2c0011a0b0c3",
    channel: "email",
    app: "gmail",
    direction: "in",
    subject: "Where is my order?",
    preview: "Hi, my order #123 has not arrived.",
    status: "received",
    sentAt: "2025-03-01T10:00:00.000Z",
    importedAt: "2026-11-22T00:00:00.000Z",
    meta: { from: "ada@example.com", to: [{ email: "support@acme.io" }] },
    custom: { orderIdStr: "123" },
  };
}

/** What Windmill's form sends for fields a user never touched. */
export const FORM_BLANKS = { name: "", username: "", tags: [], emails: [], custom: {}, locale: "" };
