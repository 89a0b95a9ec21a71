// What each script in scripts/business_schedules/ does, in our own words (see
// tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  CreateSchedule: `Creates a business schedule and returns it. name, timezone (an IANA name such as
America/New_York), default and hours are required. hours has one entry per weekday, "0" to "6":
a list of [start, end] pairs of minutes from midnight (0 to 1440; [[480, 1020]] is 8:00 to
17:00), or null for a closed day. Creating is not idempotent: a failed call that may have reached Kustomer is not repeated.`,

  GetAllSchedules: `Lists your org's business schedules, one page at a time: page counts from 1 and
pageSize defaults to 100. Follow links.next in the answer until it is null to read them all. Each
schedule has its name, timezone, weekly hours and whether it is the default. Values left blank in
the form are not sent.`,

  GetDefaultSchedule: `Returns your org's default business schedule: its name, timezone and opening
hours per weekday. Pass include=holidays to have its holidays side-loaded in the answer's included
list. A server error is retried, as a read is safe to repeat. Use Get business schedule by ID for
any other schedule.`,

  GetScheduleById: `Returns one business schedule by its id: name, timezone and opening hours per
weekday. Pass include=holidays to have its holidays side-loaded in the answer's included list. The
id is percent-encoded into the path, and a server error is retried, as a read is safe to repeat.`,

  UpdateScheduleById: `Updates one business schedule, named by its id, and returns it. Kustomer's
schema requires the whole schedule in every update: name, timezone, default and all seven weekdays
of hours ("0" to "6", each a list of [start, end] minutes from midnight, or null when closed). The
id is percent-encoded into the path; a PUT is retried after a server error, as it is safe to
repeat.`,

  DeleteScheduleById: `Deletes one business schedule by its id. Unlike most Kustomer deletes, it
answers 200 with the deleted schedule (marked deleted, with deletedAt), which the script returns.
The id is percent-encoded into the path; a server error is retried, as repeating a delete is safe.
Use Get all business schedules first to find the id of the schedule to remove.`,
};
