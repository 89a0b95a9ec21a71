// What each script in scripts/attachments/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  CreateAttachment: `Creates an attachment record (name, contentType and contentLength in bytes, all
required) and returns it with a temporary upload policy. Then upload the file: POST multipart
form-data to meta.upload.url with every meta.upload.fields entry first and the file last, named
file. Reference it on a message or note as { _id, name, contentType, contentLength }. A create is
not repeated after a failure that may have reached Kustomer.`,

  GetAttachmentByMessageAndAttachmentId: `Fetches one attachment of a message, sent in by the customer
or out by your team, and returns its record (name, contentType, contentLength). The message id and
the attachment id are both percent-encoded into the path. For files a customer sent this is the
route to use: get_attachments_by_id covers outbound attachments only.`,

  GetAttachmentsById: `Fetches an outbound attachment by its id and returns it; pass several ids
separated by commas to get an array of attachments in one call. Kustomer documents it for outbound
files only: for a file a customer sent, use get_attachment_by_message_and_attachment_id. The value
is percent-encoded into the path, except the commas between ids.`,

  UpsertAttachment: `Updates one attachment by id (name, contentType, contentLength or the redacted
flag) and returns it; when no attachment has that id, Kustomer creates one. Fields left blank in the
Windmill form are not sent, so they keep their value. The id is percent-encoded into the path. A PUT
is retried after a 5xx or a network error, as sending it again has the same effect.`,
};
