package dev.sessionconfig.spring;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.web.session.HttpSessionCreatedEvent;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.security.web.session.HttpSessionIdChangedEvent;

/**
 * Publishes the sessions' events as Spring Security's application events, as its {@code HttpSessionEventPublisher}
 * would: created, destroyed (on invalidation and on expiry in the store), id changed. Not installed when the
 * application declares an {@code HttpSessionEventPublisher} bean itself, which then hears the same events.
 */
final class SpringSessionEvents implements HttpSessionListener, HttpSessionIdListener {
  private final ApplicationEventPublisher publisher;

  SpringSessionEvents(ApplicationEventPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    publisher.publishEvent(new HttpSessionCreatedEvent(event.getSession()));
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    publisher.publishEvent(new HttpSessionDestroyedEvent(event.getSession()));
  }

  @Override
  public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
    publisher.publishEvent(new HttpSessionIdChangedEvent(event.getSession(), oldSessionId));
  }
}
