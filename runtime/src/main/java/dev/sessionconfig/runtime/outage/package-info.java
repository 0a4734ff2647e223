/**
 * What happens while a session store is down: {@link dev.sessionconfig.runtime.outage.CircuitBreakingStore} makes
 * requests that need an unavailable store fail at once, and lets one request at a time find out whether it is
 * back.
 */
package dev.sessionconfig.runtime.outage;
