// What each script in scripts/drafts/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  CreateDraftAttachment: `Registers a file (name, contentType and contentLength in bytes, all
required) on one draft and returns the attachment record. The bytes are uploaded afterwards: the
answer's links.related is a pre-signed S3 URL, valid for a limited time, to upload the file to (as
curl --upload-file does). The draft id is percent-encoded into the path. A create is not repeated
after a failure that may have reached Kustomer: list the draft's attachments before retrying.`,

  DeleteDraft: `Deletes one draft by its id, which is percent-encoded into the path. Kustomer answers
204 with no body, and the script then returns null. A 5xx or network error is retried with backoff,
as deleting again has the same effect. To keep a scheduled draft but stop it from going out,
update it with sendAt set to null instead (update_draft).`,

  DeleteDraftAttachment: `Removes one attachment from a draft; the draft id and the attachment id are
both percent-encoded into the path. Kustomer answers 204 with no body, and the script then returns
null. A 5xx or network error is retried with backoff, as deleting again has the same effect. Use
get_draft_attachments to find the ids of a draft's attachments.`,

  GetDraftAttachment: `Fetches one attachment of a draft and returns its record (name, contentType,
contentLength). The draft id and the attachment id are percent-encoded into the path. The answer's
links.related is a pre-signed S3 URL for downloading the file; it works only for a limited time, so
fetch the record again when you need the file rather than storing the link.`,

  GetDraftAttachments: `Lists the attachments of one draft and returns them in a JSON:API list, each
with its name, contentType and contentLength. The draft id is percent-encoded into the path. Use
get_draft_attachment for one attachment's pre-signed download link, and delete_draft_attachment to
remove a file before the draft goes out.`,

  GetaDraftForwardById: `Fetches one draft forward by its id and returns it, with its status (draft,
sent or failed), sendAt, recipients, sender, subject, body and attachments. The id is
percent-encoded into the path. A 404 means no forward with that id is visible to the API key. Use
get_forward_attachments to list the files attached to it.`,

  GetOutboundAccounts: `Lists the outbound accounts configured in your org, one page at a time: page
counts from 1 (the default) and pageSize defaults to 100. Leave a value empty to use Kustomer's
default, and follow links.next in the answer until it is null to read every page. The API key needs
an apps read role (org.permission.apps.read or the legacy org.user.apps.read).`,

  UpdateDraft: `Changes one draft and returns it. The body must name its channel, and its fields
depend on it: email, sms, whatsapp (app required too), chat, facebook, twitter-tweet, twitter-dm,
note or instagram. The form shows the email fields; other channels' bodies can be passed as JSON,
e.g. from a flow step. sendAt schedules the draft: a timestamp schedules it, null unschedules it,
and leaving it out keeps its state. Fields left blank in the form are not sent.`,

  UpdateDraftForward: `Changes a draft forward and returns it: recipients (to, each with an email),
from, replyTo, subject, body (up to 10,240 characters), template, attachments or status. sendAt
sets a future time for it to be sent at. Fields left blank in the Windmill form are not sent, so
only what you fill in is changed. The id is percent-encoded into the path. A PUT is retried after a
5xx or a network error.`,
};
