/**
 * The Spring Boot starter: finds the application's {@code @SessionConfig} loader, serves its sessions ahead of
 * Spring Security's filters, publishes session events as Spring Security's application events, and gives Spring
 * Security a {@code SessionRegistry} that every instance sharing the store agrees on.
 */
package dev.sessionconfig.spring;
