// What each script in scripts/messages/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  BulkCreateMessages: `Queues the creation of up to 100 messages in one call, for importing history
or mirroring another channel, and returns the bulk operation. Each message needs a channel and an
app; attach it to a customer and, optionally, a conversation. Processing is asynchronous: poll the
bulk operation for per-item results, matched by _clientRef.`,
};
