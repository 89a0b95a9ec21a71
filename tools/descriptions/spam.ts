// What each script in scripts/spam/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  DeleteSpamSender: `Removes one sender from your spam lists, named by the sender record's id (as
returned by the list or upsert scripts, not the email address). Kustomer answers 204 with no body,
and the script then returns null. The id is percent-encoded into the path. Needs a spam delete
role (org.permission.spam.delete).`,

  GetSpamSenders: `Lists the senders on your org's spam lists, each with its channel, address and
list (whitelist or blacklist), one page at a time. Kustomer's reference gives this call no
parameters; the script adds the usual optional page (from 1) and pageSize. Follow links.next in the
answer for the next page until it is null. Needs a spam read role.`,

  UpsertSpamSender: `Puts a sender on a spam list, or moves a sender already listed, and returns the
sender record. Give the channel (such as email), the sender's address and the list: whitelist
(never treated as spam) or blacklist (always treated as spam), as in { channel: "email", sender:
"ada@example.com", list: "whitelist" }. It is a PUT, so the script retries it after a 5xx or a
network error. Needs a spam update role (org.permission.spam.update).`,
};
