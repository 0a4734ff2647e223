package com.example.shop;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.stereotype.Component;

/**
 * Counts the sessions this instance saw begin and end, the two ways applications listen: as a servlet
 * {@link HttpSessionListener} bean (Spring Boot registers it with the container) and through Spring Security's
 * {@link HttpSessionDestroyedEvent}.
 */
@Component
public class SessionAudit implements HttpSessionListener {
  private final Map<String, Integer> created = new ConcurrentHashMap<>();
  private final Map<String, Integer> destroyed = new ConcurrentHashMap<>();

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    created.merge(event.getSession().getId(), 1, Integer::sum);
  }

  @EventListener
  void sessionDestroyed(HttpSessionDestroyedEvent event) {
    destroyed.merge(event.getId(), 1, Integer::sum);
  }

  /** How many times this instance heard session {@code id} begin. */
  int createdCount(String id) {
    return created.getOrDefault(id, 0);
  }

  /** How many times this instance heard session {@code id} end. */
  int destroyedCount(String id) {
    return destroyed.getOrDefault(id, 0);
  }
}
