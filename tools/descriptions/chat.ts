// What each script in scripts/chat/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  CreateChatSessionViaHandoff: `Imports a conversation your bot or another system already had
into Kustomer chat: creates the session for customerId and saves its history (2 to 100 messages,
at least one in and one out, each with its direction) in one call. from is applied to every
outbound message; active false creates the session closed. Other fields of the reference are let
through. A POST is not repeated after a failure that may have reached Kustomer.`,

  CreateInboundChatMessage: `Posts a chat message as the customer (customerId is required) into a
chat session, with a text body or attachments; it shows in the agent desktop and on the customer's
devices like any chat message. A POST is not repeated after a failure that may have reached
Kustomer, so a message is never posted twice by the script.`,

  CreateAssistantChatMessages: `Posts messages as an assistant (bot) into a customer's chat
session. The sources we have do not document the body's fields, so body is a free-form JSON object
sent as is. A POST is not repeated after a failure that may have reached Kustomer.`,

  CreateOutboundChatMessage: `Posts a chat message as an agent (from, a user id) to a customer
(customerId) in a chat session, with a text body or attachments; auto marks it as automated. A POST
is not repeated after a failure that may have reached Kustomer.`,

  SetChatTypingIndicator: `Shows (typing true) or hides (typing false) the typing indicator in a
customer's chat session, as an agent (from) or, with ai true, as the AI assistant.`,

  UpdateChatSatisfactionResponse: `Records a customer's CSAT answer on a chat satisfaction response
(by id): a rating, answers to the survey's questions, or read. customerId is required. Set include
to satisfaction to get the survey with the answer.`,

  ListChatSessions: `Lists the chat sessions of a customer (customerId) or a chat tracking id
(trackingId): at least one is needed, and with both, sessions matching either come back. active and
brandId narrow the list; the newest message first, one page at a time.`,

  CreateChatSession: `Opens a chat session (a conversation on the chat channel) for customerId and
returns it; with assistant, the assistant's greeting is posted as the session opens. A POST is not
repeated after a failure that may have reached Kustomer: list the customer's sessions before trying
again.`,

  ListChatSessionMessages: `Lists the messages of one chat session (its id is the conversation id),
one page at a time.`,
};
