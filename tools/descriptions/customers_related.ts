// What each script about a customer's conversations, messages, drafts, notes, KObjects, merges,
// events and sessions does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  CreateConversationForCustomer: `Creates a new, empty conversation for one customer (by customer
id) and returns it; add messages to it afterwards. Fields left blank in the form are not sent. It is
a POST: it is not repeated after a 5xx, a timeout or a network error, since the conversation may
exist; give it an externalId so you can look it up before trying again.`,

  CreateMessageByCustomer: `Creates a message on one customer (by customer id) and returns it: set
the channel and app, the direction, the preview and the conversation it belongs to, if any. Use it
to mirror messages from another system. It is a POST: it is not repeated after a failure that may
have reached Kustomer; set externalId so a retry can check by it first.`,

  CreateDraftByCustomer: `Creates an outbound draft to one customer on a channel (email, SMS, chat,
a social network or an internal note) and returns it; set sendAt to have Kustomer send it later.
Each channel has its own shape: the form shows every shape's fields, and the script checks before
sending that the body is exactly one of them. It is a POST and is not repeated after a failure that
may have reached Kustomer.`,

  GetAllDraftsByCustomer: `Lists the outbound drafts to one customer, one page at a time (page from
1, pageSize up to 100); follow links.next for more. Pass include=attachments to side-load the drafts'
attachments. The customer id is percent-encoded into the path.`,

  GetConversationsByCustomer: `Lists one customer's conversations, one page at a time (page from 1,
pageSize up to 100); follow links.next for more. fromDate (an ISO 8601 date-time) limits the list to
conversations from that moment on. The customer id is percent-encoded into the path.`,

  GetNotesByCustomer: `Lists the internal notes on one customer's conversations, one page at a time
(page from 1, pageSize up to 100); notes are seen only by users of your org. Follow links.next for
more. The customer id is percent-encoded into the path.`,

  CreateCustomerKObject: `Creates a KObject (a record of a custom object klass, such as an order)
linked to one customer and returns it: name the klass and give at least a title, plus data and
custom attributes. The API key needs a KObject create role, possibly the per-klass one
(org.permission.kobject.kobject_<klass>.create). It is a POST and is not repeated after a failure
that may have reached Kustomer; set externalId so a retry can check by it first.`,

  FindCustomerKObjects: `Lists the KObjects of one klass (such as order) linked to one customer,
one page at a time (page from 1, pageSize up to 100; Kustomer's reference omits them but its
pagination guide applies them to every list). Both the customer id and the klass name are
percent-encoded into the path.`,

  CreateCustomerMerge: `Merges one customer into another: give the source and the target customer
ids; the source's conversations and data move to the target, and Kustomer returns the merge record. A
merge cannot be undone from the API, so check the ids first. It is a POST and is not repeated after
a failure that may have reached Kustomer; read the merges of the target before trying again.`,

  GetCustomerMerge: `Fetches one customer merge by its id and returns it: the source and target
customers and its progress. The id is percent-encoded into the path.`,

  GetCustomerMergesByCustomer: `Lists the merges one customer took part in, one page at a time (page
from 1, pageSize up to 100); follow links.next for more. The customer id is percent-encoded into the
path.`,

  GetAllCustomerEvents: `Deprecated by Kustomer: this route now answers 404 Not Found, which the
script reports as a KustomerError. It used to list a customer's tracking events, filtered by event
name. Use the events-by-session script instead (list the customer's sessions first). Kept so a flow
built on the Hub's script keeps its step.`,

  GetaCustomerEvent: `Fetches one tracking event of one customer, by the customer's id and the
event's id, and returns it (its name, session and the data it carried). Both ids are percent-encoded
into the path.`,

  GetCustomerSessions: `Lists one customer's tracking sessions (visits recorded by the chat or
tracking SDK), one page at a time (page from 1, pageSize up to 100); follow links.next for more. Use
a session's id with the events-by-session script to see what happened in it.`,

  GetAllEventsByCustomerForSession: `Lists the tracking events of one session of one customer, one
page at a time (page from 1, pageSize up to 100); follow links.next for more. Both the customer id
and the session id are percent-encoded into the path.`,
};
