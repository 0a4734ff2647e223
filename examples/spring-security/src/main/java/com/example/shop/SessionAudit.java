package com.example.shop;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.stereotype.Component;

/** Counts the sessions this instance heard end, as any application listening to Spring Security's events would. */
@Component
public class SessionAudit {
  private final Map<String, Integer> destroyed = new ConcurrentHashMap<>();

  @EventListener
  void sessionDestroyed(HttpSessionDestroyedEvent event) {
    destroyed.merge(event.getId(), 1, Integer::sum);
  }

  /** How many times this instance heard session {@code id} end. */
  int destroyedCount(String id) {
    return destroyed.getOrDefault(id, 0);
  }
}
