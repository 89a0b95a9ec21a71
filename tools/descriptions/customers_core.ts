// What each customer script does, in our own words (see tools/descriptions.ts): reading, listing,
// updating and deleting customers, and their unmasking windows.

export const DESCRIPTIONS: { [operationId: string]: string } = {
  GetCustomerById: `Fetches one customer by the id Kustomer assigned and returns it (JSON:API
envelope: attributes such as name, emails, phones, externalId, custom attributes, and links to the
company and conversations). The id is percent-encoded into the path. A missing customer is a 404
KustomerError, so a flow can branch on status.`,

  GetCustomerByEmail: `Finds the customer who has the given email address and returns it. The
address is percent-encoded into the path, so plus signs and other special characters reach
Kustomer intact (ada+vip@example.com). Use it before a create to avoid a duplicate; an address no
customer has is a 404 KustomerError.`,

  GetCustomerByPhone: `Finds the customer who has the given phone number and returns it. The number
is percent-encoded into the path, so a leading + and spaces are kept exactly as you pass them;
Kustomer matches the number as stored, so use the same format your records use (E.164 such as
+14155550100 is the safest). An unknown number is a 404 KustomerError.`,

  GetCustomers: `Lists the customers of your organization, one page at a time, and returns the page
with links to the next. Kustomer's reference forgets the paging parameters but its
pagination guide uses them: page counts from 1 and pageSize goes up to 100 here. For a filtered
list, use the customer search script; for a full sync, follow links.next.`,

  UpdateCustomer: `Updates one customer with PUT and returns the updated record. Without replace,
Kustomer changes only the fields you send, like a PATCH; fields left blank in the form are not sent,
so they keep their values, and null clears one. With replace=true the whole document is replaced:
every field you do not send is erased, so send the complete customer. Kustomer warns that a
customer sent without company is unlinked from it. Updates are subject to object rate limiting.`,

  DeleteCustomer: `Deletes one customer by id. Kustomer answers 204 with no body, so the script
returns null. Deleting cannot be undone from the API; it is a DELETE, so the script retries it
after a 5xx or a network error (deleting twice deletes once).`,

  BulkDeleteCustomers: `Deletes several customers in one call: pass their ids as a list or as one
comma-separated string (sent as ids=a,b). Although Kustomer's reference marks ids optional, the
script refuses to run without them rather than send a bulk delete with nothing named. Deleting
cannot be undone; the call is a DELETE, so it is retried after a 5xx or a network error.`,

  CreateUnmaskingWindowByCustomer: `Opens, or replaces, the unmasking window of one customer: a period
during which data that Kustomer masks for this customer can be seen unmasked. The call takes no body (Kustomer declares
an empty one), so the script sends none. It is a POST: it is not repeated after a 5xx or a network
error, but opening the window again is harmless if you retry by hand.`,

  DeleteUnmaskingWindowByCustomer: `Ends the unmasking window of one customer, so the data Kustomer
masks for them is masked again. The call takes no body and Kustomer answers 204, so the script sends
nothing and returns null. It is a DELETE, so it is retried after a 5xx or a network error.`,
};
