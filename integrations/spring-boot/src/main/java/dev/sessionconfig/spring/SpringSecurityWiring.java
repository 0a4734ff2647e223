package dev.sessionconfig.spring;

import dev.sessionconfig.runtime.servlet.SessionInterface;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Once every bean exists: sessions are indexed under the name Spring Security authenticated, their events are
 * published unless the application's own {@link HttpSessionEventPublisher} hears them already, and concurrent
 * session control on a store that cannot list a user's sessions stops the application.
 */
final class SpringSecurityWiring implements SmartInitializingSingleton {
  private final SessionInterface sessions;
  private final ApplicationEventPublisher publisher;
  private final ObjectProvider<HttpSessionEventPublisher> eventPublishers;
  private final ObjectProvider<SecurityFilterChain> filterChains;
  private final boolean publishEvents;

  SpringSecurityWiring(SessionInterface sessions, ApplicationEventPublisher publisher,
      ObjectProvider<HttpSessionEventPublisher> eventPublishers, ObjectProvider<SecurityFilterChain> filterChains,
      boolean publishEvents) {
    this.sessions = sessions;
    this.publisher = publisher;
    this.eventPublishers = eventPublishers;
    this.filterChains = filterChains;
    this.publishEvents = publishEvents;
  }

  @Override
  public void afterSingletonsInstantiated() {
    sessions.principalResolver(new SpringSecurityPrincipals());
    if (publishEvents && eventPublishers.getIfAvailable() == null) {
      sessions.listeners().add(new SpringSessionEvents(publisher));
    }
    if (sessions.store().principalIndex().isEmpty() && usesConcurrencyControl()) {
      throw new StarterSetupException("Spring Security's concurrent session control (maximumSessions)"
          + " needs the sessions of each user, and " + sessions.store().description() + " cannot list them"
          + " (memcached cannot list its keys).", "Use the Redis, JDBC or filesystem store, or remove maximumSessions"
          + " from the security configuration.", null);
    }
  }

  private boolean usesConcurrencyControl() {
    return filterChains.orderedStream().flatMap(chain -> chain.getFilters().stream())
        .anyMatch(ConcurrentSessionFilter.class::isInstance);
  }
}
