package dev.sessionconfig.it.app;

import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A session listener of the test app, declared to the container the way web.xml declares one; its subclass
 * {@link Programmatic} is added through {@code ServletContext.addListener}. Each records the events it hears.
 */
public class AuditListener implements HttpSessionListener, HttpSessionIdListener, HttpSessionAttributeListener {
  /** Every event heard in this JVM, as "listener: event". */
  public static final List<String> EVENTS = new CopyOnWriteArrayList<>();

  String name() {
    return "declared";
  }

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    EVENTS.add(name() + ": created");
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    EVENTS.add(name() + ": destroyed user=" + event.getSession().getAttribute("user"));
  }

  @Override
  public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
    EVENTS.add(name() + ": id changed");
  }

  @Override
  public void attributeAdded(HttpSessionBindingEvent event) {
    EVENTS.add(name() + ": added " + event.getName());
  }

  @Override
  public void attributeRemoved(HttpSessionBindingEvent event) {
    EVENTS.add(name() + ": removed " + event.getName());
  }

  @Override
  public void attributeReplaced(HttpSessionBindingEvent event) {
    EVENTS.add(name() + ": replaced " + event.getName());
  }

  /** The same, added by the application through {@code ServletContext.addListener}. */
  public static final class Programmatic extends AuditListener {
    @Override
    String name() {
      return "programmatic";
    }
  }
}
