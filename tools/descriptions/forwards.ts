// What each script in scripts/forwards/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  CreateForwardAttachment: `Registers a file (name, contentType and contentLength in bytes, all
required) on one draft forward and returns the attachment record. The bytes are uploaded afterwards:
the answer's links.related is a pre-signed S3 URL, valid for a limited time, to upload the file to
(as curl --upload-file does). The forward id is percent-encoded into the path. A create is not
repeated after a failure that may have reached Kustomer: list the attachments before retrying.`,

  DeleteForwardAttachment: `Removes one attachment from a draft forward; the forward id and the
attachment id are both percent-encoded into the path. Kustomer answers 204 with no body, and the
script then returns null. A 5xx or network error is retried with backoff, as deleting again has the
same effect. Use get_forward_attachments to find the ids of a forward's attachments.`,

  GetForwardAttachment: `Fetches one attachment of a draft forward and returns its record (name,
contentType, contentLength). The forward id and the attachment id are percent-encoded into the path.
The answer's links.related is a pre-signed S3 URL for downloading the file; it works only for a
limited time, so fetch the record again when you need the file rather than storing the link.`,

  GetForwardAttachments: `Lists the attachments of one draft forward and returns them in a JSON:API
list, each with its name, contentType and contentLength. The forward id is percent-encoded into the
path. Use get_forward_attachment for one attachment's pre-signed download link, and
delete_forward_attachment to remove a file before the forward goes out.`,
};
