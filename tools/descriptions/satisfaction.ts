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

  UpdateSatisfactionSurvey: `Changes one satisfaction (CSAT) survey by id and returns it: its
name, whether it is enabled, its channel, or its audience rules (criteria). Only what you send
changes: leave criteria out to keep the audience rules, send criteria null to clear them on
purpose (empty and/or lists, which Kustomer also reads as a clear, are what an untouched form
sends, so they are taken as not set). Enabling a survey, or moving an enabled one to another channel,
counts toward Kustomer's 30 enabled surveys per channel; beyond that Kustomer answers 422 and
changes nothing. Other survey fields are sent as given.`,

  UpdateSatisfactionSurveyOrder: `Sets the order in which the enabled satisfaction surveys of a
channel are evaluated: satisfactionForms lists up to 500 survey ids, first tried first. List the
surveys first (Get Satisfactions) and send the complete order.`,
};
