package dev.sessionconfig.spring;

import dev.sessionconfig.runtime.metrics.StoreHealth;
import dev.sessionconfig.runtime.servlet.SessionInterface;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The session store's health for Spring Boot Actuator ({@code /actuator/health/sessionStore}): UP when the store
 * answers, DOWN with the reason when not, at once while the store is known to be down. Never shows a password.
 */
final class SessionStoreHealthIndicator implements HealthIndicator {
  private final SessionInterface sessions;

  SessionStoreHealthIndicator(SessionInterface sessions) {
    this.sessions = sessions;
  }

  @Override
  public Health health() {
    StoreHealth health = sessions.health();
    return (health.up() ? Health.up() : Health.down()).withDetail("store", health.store())
        .withDetail("detail", health.detail()).build();
  }
}
