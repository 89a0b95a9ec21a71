// What each script in scripts/satisfaction/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  GetSatisfaction: `Lists the satisfaction (CSAT) survey forms set up in your org, one page at a
time: page counts from 1 and pageSize defaults to 100. Follow links.next in the answer for the next
page until it is null. These are the survey definitions, not the customers' answers to them. The
key needs a satisfaction read role (org.permission.satisfaction.read).`,

  CreateSatisfactionSurvey: `Creates a satisfaction (CSAT) survey form and returns it. Kustomer
allows at most 30 enabled surveys per channel (422 beyond). The sources we have do not document the
body's fields, so body is a free-form JSON object sent as is. A POST is not repeated after a failure
that may have reached Kustomer.`,

  GetSatisfactionResponse: `Fetches one customer's answer to a satisfaction survey by id: the
rating, the answers and the conversation it belongs to.`,
};
