// What each script in scripts/outbound_webhooks/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  CreateOutboundWebhook: `Registers a URL that Kustomer calls with a signed POST whenever one
of the chosen events happens (create or update of customers, conversations, messages, users,
teams and tags; at most 12 events), and returns the webhook with its token: the key of the
HMAC-SHA256 signature in X-Kustomer-Webhook-Signature. Store that token as a kustomer_webhook
resource for the intake script (scripts/webhooks/receive_kustomer_event.ts). Kustomer requires
an https:// url (the script lets plain http through only to 127.0.0.1, for a receiver behind the
local sandbox) and allows 5 webhooks per org. A create is never repeated after an unclear failure: list the webhooks before
trying again.`,

  ListOutboundWebhooks: `Lists the org's outbound webhooks: name, url, events, extra headers,
enabled, isError (Kustomer marks a webhook that keeps failing, then disables it) and the token of
each. The answer holds signing tokens: keep the job's result out of shared logs. Use it to find a
webhook's id, or to check a create that may have gone through before running it again.`,

  GetOutboundWebhook: `Fetches one outbound webhook by id, with its token (the signing key of its
deliveries, per Kustomer's delivery docs), its events, url and whether it is enabled. The id is
percent-encoded into the path. Use it to recover a lost token into the kustomer_webhook resource;
the result holds that secret, so keep it out of shared logs.`,

  DeleteOutboundWebhook: `Deletes one outbound webhook by id: Kustomer stops delivering its
events at once. The id is percent-encoded into the path. A 204 answer makes the script return
null. A DELETE is safe to repeat, so it is retried after a server error; a 404 on a retry can
mean the first attempt already deleted it.`,

  ListSubscribableEvents: `Returns { events: [...] }, the event names an outbound webhook of this
org can subscribe to (kustomer.customer.create, kustomer.conversation.update, ...). Kustomer's
documentation lists twelve; this call is the authority for your org, so check it when an event
name is refused.`,

  ListOutboundWebhookTransactions: `Lists recent delivery attempts of the org's outbound webhooks:
the webhook id, event name, status, when it was sent and when the next retry is due. Look here
when events stop arriving: Kustomer retries a failing delivery for about an hour and then
disables a webhook that keeps failing.`,
};
