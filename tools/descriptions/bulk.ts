// What each script in scripts/bulk/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  GetBulkOperationById: `Reads the status of one bulk operation, by the id a bulk call returned
(data.id): status is queued, then running, then complete, and batches.complete out of
batches.total says how far it got. One read, no waiting: to wait until it is done, use Wait for a
bulk operation, which polls this at a sensible pace. Then read per-item results with Get bulk
operation batches.`,

  GetBulkOperationBatches: `Reads the batches of one bulk operation: for each, its status
(queued, scheduled, complete), completedAt, the objectIds it touched, successCount and
failureCount, and errors. When the items were sent with a _clientRef, results lists each item's
_clientRef with its status, so you can match outcomes back to your rows. Read it once the
operation is complete.`,
};
