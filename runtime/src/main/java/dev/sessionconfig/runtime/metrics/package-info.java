/**
 * What sessions report for monitoring: {@link dev.sessionconfig.runtime.metrics.SessionMetrics} records store
 * latency and errors and the sessions' life as Micrometer meters when the application has Micrometer (nothing
 * otherwise), and {@link dev.sessionconfig.runtime.metrics.StoreHealth} says whether the store answers.
 */
package dev.sessionconfig.runtime.metrics;
