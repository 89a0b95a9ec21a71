// What each script in scripts/ai/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  ListAiAutomations: `Lists the org's AI automations (AI agents and their procedures), one page at
a time.`,

  GetAiAutomation: `Fetches one AI automation by automationId, with its configuration.`,

  ListAiAutomationEvaluations: `Lists the evaluations (test runs) of one AI automation, by
automationId, one page at a time.`,

  GetAiEvaluationTestCase: `Fetches one evaluation test case by testCaseId: the conversation it
plays and what is expected of the automation.`,

  CreateAiEvaluation: `Creates an evaluation of an AI automation and returns it. The sources we have
do not document the body's fields, so body is a free-form JSON object sent as is. A POST is not
repeated after a failure that may have reached Kustomer.`,

  DeleteAiEvaluation: `Deletes one evaluation by evaluationId. Returns nothing on success.`,

  GetAiEvaluation: `Fetches one evaluation by evaluationId, with its status and results.`,

  UpdateAiEvaluation: `Changes one evaluation by evaluationId and returns it. The body's fields are
not documented in the sources we have, so body is a free-form JSON object sent as is.`,

  BatchGetAiSummaries: `Fetches the AI summaries of several records (conversations, customers or
custom objects) in one call; records without a summary are left out of the answer. Kustomer answers
403 unless AI Copilot or AI Summaries is part of the subscription. The page excerpts we could read
do not name the query parameter that lists the records, so this script cannot pass them yet: use Get
AI Summary for one record until it is established.`,

  GetAiSummary: `Fetches the AI summary of one resource (a conversation id): what the customer
wanted and what happened, as Kustomer's AI wrote it.`,
};
