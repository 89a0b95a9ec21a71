// What each script in scripts/conversations/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  AppendTagsToConversation: `Adds tags to one conversation and returns the updated conversation.
The body is a plain list of tag names (at most 20, each up to 64 characters); a name your org
does not have yet is created as a new tag. Tags already on the conversation stay. Kustomer limits
how often one conversation can be updated (object rate limiting), so batch your tags into one
call rather than sending them one at a time.`,

  BulkBatchUpdateConversations: `Queues an update of up to 100 conversations in one call and
returns the bulk operation. Each item names its conversation by id, and only the fields you set
are changed (fields left blank in the form are not sent). Pass ids (comma-separated conversation
ids) to apply the same data to many conversations. Processing is asynchronous: poll the bulk
operation by its id for per-item results. A PUT is retried after a 5xx or a network error.`,

  BulkCreateConversations: `Queues the creation of up to 100 conversations in one call and returns
the bulk operation (status queued). Each item needs the id of its customer. Kustomer creates them
asynchronously: follow up with the bulk operation id to see what was created and what failed. Give
each item a _clientRef to match results to your rows, and an externalId so a re-run can find
conversations created before a crash.`,

  CreateConversation: `Creates one conversation for a customer (customer id required) and returns
it. Creating is not idempotent: a failed call that may have reached Kustomer is not repeated, so
look the conversation up by externalId before trying again. Kustomer lets one client create at
most 120 conversations per minute per customer (429 beyond that); conversations sent with
importedAt, as in a history import, are exempt.`,

  CreateForwardByConversation: `Forwards a whole conversation by email: every message in it is sent
to the recipients you list in to, and the forward record is returned. channel must be email. Set
sendAt to schedule the forward for later instead of sending it now. The call is not repeated after
a failure that may have reached Kustomer, so list the conversation's forwards before retrying to
avoid mailing the same thread twice.`,

  CreateMessageFromConversation: `Adds a message to an existing conversation and returns the new
message; it is linked to the conversation's customer automatically. channel and app are required.
Only a key with org.admin may set createdAt, createdBy, modifiedAt or modifiedBy. One client may
create at most 120 messages per minute per customer unless importedAt is set. A failed call is not
repeated: check by externalId before trying again.`,

  DeleteConversation: `Deletes one conversation, named by its id. Kustomer answers 204 with no body,
and the script then returns null. The id is percent-encoded into the path. A 5xx or network error
is retried, as deleting twice is safe. To find the id of a conversation you know by your own
reference, use the lookup by externalId first.`,

  GetAllForwardsByConversation: `Lists the email forwards made from one conversation, one page at a
time: page counts from 1 and pageSize defaults to 100. Follow links.next in the answer to read the
next page until it is null. Useful to check whether a thread was already forwarded before
creating another forward.`,

  GetConversation: `Fetches one conversation by its Kustomer id and returns it (status, customer,
assigned users and teams, tags, custom attributes and so on). The id is percent-encoded into the
path. Kustomer also accepts several ids separated by commas in place of one id; the commas are
sent as they are.`,

  GetConversationAttachments: `Lists the attachments shared in one conversation, from both inbound
and outbound messages, one page at a time: page counts from 1 and pageSize defaults to 100. Follow
links.next in the answer for the next page until it is null. The key needs an attachment read
role rather than a conversation one.`,

  GetConversationByExternalId: `Finds the conversation whose externalId is the id you gave it in
your own system, and returns it. The value is percent-encoded into the path
(/v1/conversations/externalId=...), so ids with slashes, plus signs or spaces work. Use it before a
create to avoid duplicates, or after a bulk import to learn the ids Kustomer assigned.`,

  GetConversationEvents: `Lists the events recorded on one conversation (its change history), one
page at a time: page counts from 1 and pageSize defaults to 100. Follow links.next in the answer
for the next page until it is null. sort sets the order of the results. The key needs an event
read role (org.permission.event.read).`,

  GetConversationTimeByIds: `Fetches conversation time records (handle time, handled at, channels,
assigned users and teams) by their own ids, which are not conversation ids. Pass one id or several
separated by commas. The value is percent-encoded into the path, except the commas
(/v1/conversations/times/a,b). To get the times of a conversation by its id, use the times by
conversation script instead.`,

  GetConversationTimesByConversationId: `Returns the time records of one conversation, named by the
conversation's id: how long agents spent handling it, on messages and on notes. This v1 route
reports handleTime, messageTime and noteTime in seconds (Kustomer's v2 route uses milliseconds).
The id is percent-encoded into the path.`,

  GetConversations: `Lists your org's conversations, one page at a time: page counts from 1 and
pageSize defaults to 100. Follow links.next in the answer for the next page until it is null, and
use the largest page size you can, since every page counts against the org-wide rate limit. Set
sort to desc for descending order.`,

  GetMessagesByConversation: `Lists the messages of one conversation, one page at a time: page
counts from 1 and pageSize defaults to 100. Follow links.next in the answer for the next page
until it is null. Pass include=attachments to have the messages' attachment records side-loaded
in the same answer.`,

  GetNotesByConversation: `Lists the internal notes agents left on one conversation, one page at a
time: page counts from 1 and pageSize defaults to 100. Follow links.next in the answer for the
next page until it is null. The key needs a note read role (org.permission.note.read), not a
conversation one.`,

  RemoveTagsFromConversation: `Removes tags from one conversation and returns the updated
conversation. This is a DELETE that carries a JSON body: the list of tag names to take off (at
most 20), sent as application/json. Tags not in the list stay on the conversation. Kustomer limits
how often one conversation can be updated (object rate limiting), so remove several tags in one
call.`,

  UpdateConversation: `Updates one conversation with PUT and returns it. Without replace, PUT acts
like PATCH: only the fields you set change. With replace=true the whole document is replaced, and
fields you do not send are erased. Fields left blank in the form are not sent, and null clears a
value. Kustomer limits how often one conversation can be updated (object rate limiting).`,

  UpdateConversationAttributes: `Changes only the fields you set on one conversation (status,
priority, assignment, tags, custom attributes...) and returns it; the others keep their value.
Fields left blank in the form are not sent, and null clears a value. Kustomer's reference labels
the body application/json-patch+json, but it is an object of attributes merged into the record,
not a list of patch operations; the script sends it as application/json. Object rate limiting
applies.`,

  GetConversationTimesV2: `Returns the time metrics of one conversation (by id) from the v2 API:
handle, message and note times in milliseconds, where the v1 route gives seconds.`,
};
