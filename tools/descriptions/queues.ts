// What each script in scripts/queues/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  GetQueueMetrics: `Reports, for each queue in ids (a comma-separated list of queue ids), how long
the most recent customer waited before an agent took the conversation. Use it to show an expected
wait or to watch queue health. The commas are sent as they are, since they separate the ids.`,

  GetQueueRules: `Lists the queue rules, the ordered conditions that pick the queue a new
conversation goes to (the first enabled rule that matches wins), one page at a time.`,

  CreateQueueRule: `Creates a queue rule (its name, criteria, the queue it routes to, whether it is
enabled) and returns it. The sources we have do not document the body's fields, so body is a
free-form JSON object sent as is; a POST is not repeated after a failure that may have reached
Kustomer, so list the rules before trying again.`,

  GetQueueCriteria: `Returns the fields a queue rule can test (conversation, customer, message and
company attributes), which is what a rule's criteria may refer to.`,

  UpdateQueueRuleOrder: `Sets the order in which queue rules are tried (the first enabled rule that
matches picks the queue). The body's fields are not documented in the sources we have, so body is
a free-form JSON object sent as is: read the rules first and send the complete order.`,

  DeleteQueueRule: `Deletes one queue rule by id; conversations it would have matched fall to the
next rule or the default queue. Returns nothing on success.`,

  GetQueueRule: `Fetches one queue rule by id: its name, criteria, enabled flag and the queue it
routes to.`,

  UpdateQueueRule: `Changes one queue rule by id and returns it. The sources we have do not
document the body's fields, so body is a free-form JSON object sent as is; read the rule first and
send what should change.`,

  GetQueues: `Lists the routing queues (name, display name, priority, item size, whether it is the
system default queue), one page at a time. Set key to find the queue with that key: Kustomer's
routing guide syncs queues between orgs by key, since ids differ from org to org. A queue id from
here is what queue rules and work items point at.`,

  CreateQueue: `Creates a routing queue and returns it. Kustomer's routing guide creates a queue
this way when a lookup by key (Get Queues with key) finds none; the guide excerpts we could read do
not list the body's fields (a queue has a name, display name, key, priority and item size), so body
is a free-form JSON object sent as is. A POST is not repeated after a failure that may have reached
Kustomer: look the key up before trying again, or the queue may be created twice.`,

  GetQueueById: `Fetches one routing queue by id: its name, display name, key, priority, item size
and whether it is the org's system default queue (system: true), which catches conversations no
queue rule matches.`,

  UpdateQueueById: `Changes one routing queue by id (its name, priority, item size or other
settings) and returns it. On the org's default queue (system: true) Kustomer accepts one field only,
restrictTransfersByUsers, and nothing else may be sent with it. The body's other fields are not
documented in the sources we have, so body is a free-form JSON object sent as is.`,
};
