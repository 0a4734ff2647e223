/**
 * What happens while a session store is down: {@link dev.sessionconfig.runtime.outage.CircuitBreakingStore} makes
 * requests that need an unavailable store fail at once, and lets one request at a time find out whether it is
 * back; {@link dev.sessionconfig.runtime.outage.StoreFailures} is how every networked store tells "out of reach"
 * from "refused this operation", and says why in a few words.
 */
package dev.sessionconfig.runtime.outage;
