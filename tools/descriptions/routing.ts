// What each script in scripts/routing/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  GetNextWorkItemInQueue: `Returns the work item next in line in a queue (by queue id): the
conversation or task routing would hand out next, with its priority and size.`,

  GetWorkItemsByConversation: `Lists the routing work items of one conversation (by conversation
id): which queue it went through, its status, who it was assigned to and when.`,

  GetTeamRoutingSettings: `Lists the routing settings of every team: whether routing is on, the
capacity of its agents and the queues the team takes work from, one page at a time.`,

  GetRoutingStatuses: `Lists the routing user statuses (available, busy, away and your own), with
whether each is routable, selectable or built in.`,

  GetCurrentUserRoutingSettings: `Returns the routing settings that apply to the user behind the
API key: capacity, work-item capacity and queues.`,

  GetWorkSessionsByUserId: `Lists the work sessions of one user (by user id): when they signed in,
their status, capacity used and remaining, and the items they handled.`,

  GetWorkItems: `Lists routing work items (each a conversation or task moving through a queue,
with its status, priority, queue and assignee), one page at a time.`,

  CreateWorkItem: `Sends a conversation into routing by creating its work item (resource points at
the conversation), and returns it. Kustomer's reference says a conversation has at most one work
item that is not completed: creating one for a conversation that already has one returns the
existing item. The excerpts of the page we could read do not list the body's fields, so body is a
free-form JSON object sent as is. A POST is not repeated after a failure that may have reached
Kustomer: read the conversation's work items before trying again.`,

  GetWorkSessions: `Lists the agents' work sessions (status, capacity used and remaining, items
handled, time by status), one page at a time: the raw material of staffing checks.`,

  GetCurrentWorkSession: `Returns the work session of the user behind the API key: status,
capacity and the work in hand.`,

  GetCurrentWorkSessionWorkItems: `Lists the work items of the current user's work session, one
page at a time.`,

  GetWorkSessionById: `Fetches one work session by id: the agent's shift in routing, with its
routing status and status type (only available receives routed work), capacity used and remaining,
the work items held, and time spent in each status. A session whose agent went offline is read-only
(active false, signedOutAt set).`,

  UpdateWorkSessionById: `Changes one work session by id and returns it, for example to move an agent
to another routing status. Only a live session can change: once the agent goes offline it is
read-only. The page we could read does not list the body's fields, so body is a free-form JSON
object sent as is; read the session first and send only what should change.`,
};
