// What each script in scripts/tracking_events/ does, in our own words (see tools/descriptions.ts).

export const DESCRIPTIONS: { [operationId: string]: string } = {
  CreateTrackingEvent: `Records one tracking event (a named action such as a page view or a
checkout) for a visitor and returns null: Kustomer answers 204 with no body. name is required; it
starts with a letter and may hold letters, digits, dashes, dots and underscores (up to 255). Tie it
to a visitor with trackingId and sessionId, and add details in meta. The key needs the
org.tracking role. A failed call is not repeated.`,

  CreateTrackingIdentity: `Identifies a tracked visitor as a person (email, phone, name,
externalId, locale, location and custom attributes) and returns the tracking identity Kustomer
created. trackingId and sessionId name the tracked visitor and their session; tags takes up to
20 tags. The key needs the org.tracking role. The call is not repeated after a failure that may
have reached Kustomer.`,

  CreateTrackingIdentityEvent: `Identifies a tracked visitor and records an event for them in a
single call, and returns the tracking identity. The body has two required parts: identity (who the
visitor is: email, externalId, name and so on) and event (the event's name and optional meta). It
saves one request over calling the identity and event scripts separately. The key needs the
org.tracking role; a failed call is not repeated.`,
};
