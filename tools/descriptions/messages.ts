// What each script in scripts/messages/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  BulkCreateMessages: `Queues the creation of up to 100 messages in one call, for importing history
or mirroring another channel, and returns the bulk operation. Each message needs a channel and an
app; attach it to a customer and, optionally, a conversation. Processing is asynchronous: poll the
bulk operation for per-item results, matched by _clientRef.`,

  BulkBatchUpdateMessages: `Queues an update of up to 100 messages in one call, each item naming the
message by id, and returns the bulk operation. Only the fields you set are sent. Pass ids
(comma-separated message ids) to apply the same data to many messages. Kustomer applies the batch
asynchronously: poll the bulk operation by its id and match per-item results by _clientRef. A longer
list is refused before sending: split it into chunks of 100.`,

  CreateMessage: `Records one message that already happened (an email, SMS, chat, social or voice
exchange) on an existing conversation and returns it. It does not send anything to the customer: a
draft does that. channel, app and direction are required. One client may create 120 messages per
minute per customer, except messages with importedAt (history imports). A create is not repeated
after a failure that may have reached Kustomer: look the message up by externalId before retrying.`,

  GetMessage: `Fetches one message by its Kustomer id and returns it in the JSON:API envelope
(channel, direction, preview, status, custom attributes and relationships such as the conversation
and customer). The id is percent-encoded into the path. A 404 means no message with that id is
visible to the API key.`,

  GetMessageByExternalID: `Finds the message whose externalId is the id the channel or your own
system gave it, and returns it. The value is percent-encoded into the path, which Kustomer spells
externalid= in lower case, so ids with slashes, plus signs or spaces work. Use it before recording
a message to avoid storing the same exchange twice, or after a bulk import to learn the ids
Kustomer assigned.`,

  GetMessages: `Lists the messages of your whole org, one page at a time: page counts from 1 and
pageSize defaults to 100, the usual maximum. Follow links.next in the answer until it is null to
read every page. Pass include=attachments to have attachment records side-loaded, and sort=desc for
descending order. Leave a value empty to use Kustomer's default.`,

  RedactMessage: `Redacts content from one message and returns Kustomer's answer. The body names what
to redact, in one of three shapes: { preview } (a text of up to 10,240 characters), { attachments }
(up to 10 attachment ids) or { meta } (an object). The message id is percent-encoded into the path.
This is a POST: it is not repeated after a 5xx, a timeout or a network error, since it may have
been applied; read the message again to see whether it was.`,

  UpdateMessage: `Updates one message by id and returns it. With replace=true the message becomes
exactly what you send, so fields you leave out are erased; without replace, PUT acts like PATCH and
changes only the fields you set. Fields left blank in the Windmill form are not sent, so they keep
their value; null clears one. Kustomer limits how often one message can be updated (object rate
limiting), and only org.admin may set createdAt, createdBy, modifiedAt or modifiedBy.`,

  UpdateMessageAttributes: `Changes only the fields you set on one message (status, preview, subject,
sentiment, custom attributes…) and returns the updated message. Fields left empty in the form are
not sent, so they keep their values; send null to clear a nullable one. Kustomer limits how often
one message can be updated (object rate limiting). A PATCH is never repeated after a 5xx or a
network error, since it may already have been applied.`,
};
