// What each script in scripts/notes/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  BulkBatchUpdateNotes: `Queues an update of up to 100 notes in one call, each item naming the note
by id, and returns the bulk operation. Only the fields you set are sent; deleted: true marks a note
deleted. Pass ids (comma-separated note ids) to apply the same data to many notes. Kustomer applies
the batch asynchronously: poll the bulk operation by its id and match per-item results by
_clientRef. A longer list is refused before sending: split it into chunks of 100.`,

  BulkCreateNotes: `Queues the creation of up to 100 notes in one call and returns the bulk
operation. Every note needs a conversation id and a body (up to 10,240 characters). Kustomer
creates them asynchronously: poll the bulk operation by its id and match per-item results by a
_clientRef on each item; an externalId on each note lets a re-run tell which ones exist. A longer
list is refused before sending: split it into chunks of 100.`,

  CreateNote: `Creates one internal note and returns it. body (up to 10,240 characters) is required;
userMentions @mentions up to 20 users or teams. This route's body has no conversation field: to add
a note to a conversation, use create_note_within_conversation. One client may create 120 notes per
minute per customer. A create is not repeated after a failure that may have reached Kustomer, so
check whether the note exists before trying again.`,

  CreateNoteWithinConversation: `Adds an internal note to one conversation and returns the new note.
The conversation id is percent-encoded into the path. body (up to 10,240 characters) is required;
userMentions @mentions up to 20 users or teams, and attachments reference files created with
create_attachment. One client may create 120 notes per minute per customer. A create is not
repeated after a failure that may have reached Kustomer: check the conversation's notes first.`,

  DeleteNoteById: `Deletes one note by its id, which is percent-encoded into the path. Kustomer
answers 204 with no body, and the script then returns null. A 5xx or network error is retried with
backoff, as deleting again has the same effect; a 404 means no note with that id is visible to the
API key (it may already be gone). Use get_note_by_id first if you need its text for a log.`,

  GetNoteById: `Fetches one note by its Kustomer id and returns it in the JSON:API envelope, with the
text, mentions, attachments, timestamps and the conversation it belongs to. The id is
percent-encoded into the path. A 404 means no note with that id is visible to the API key. To go
through every note of the org page by page, use get_notes.`,

  GetNotesForOrg: `Lists the notes of your whole org, one page at a time. Kustomer's spec leaves
paging out for this list, but its pagination guide uses page (counting from 1) and pageSize (usually
at most 100) on every list, so the script takes both as optional values; leave them empty for
Kustomer's defaults. Follow links.next in the answer until it is null to read every page.`,

  PatchNoteById: `Changes only the fields you set on one note (body, userMentions, attachments,
externalId, deleted…) and returns the updated note. Fields left empty in the form are not sent, so
they keep their values; send null to clear a nullable one. Kustomer limits how often one note can
be updated (object rate limiting). A PATCH is never repeated after a 5xx or a network error, since
it may already have been applied.`,

  UpdateNoteById: `Updates one note by id and returns it; the spec requires conversation and body in
every call. With replace=true the note becomes exactly what you send, so fields you leave out are
erased; without replace, PUT acts like PATCH and changes only the fields you set. Fields left blank
in the form are not sent; null clears one. Object rate limiting applies, and only org.admin may set
createdAt, createdBy, modifiedAt or modifiedBy.`,
};
