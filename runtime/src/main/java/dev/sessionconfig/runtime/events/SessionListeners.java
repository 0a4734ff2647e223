package dev.sessionconfig.runtime.events;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.ArrayList;
import java.util.EventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The session listeners of one application, called for its store-backed sessions as the Servlet specification
 * says: {@link HttpSessionListener} (created, destroyed), {@link HttpSessionIdListener} (id changed),
 * {@link HttpSessionAttributeListener} (added, replaced, removed) and, on the values themselves,
 * {@link HttpSessionBindingListener} (bound, unbound). The listeners the container holds for the application
 * ({@code @WebListener}, {@code web.xml}, {@code ServletContext.addListener}) are found when the first event
 * fires, once the application has started; {@link #add} registers more (a Spring bean, say).
 *
 * <p>A listener that throws is logged and the others still run: one faulty listener must not fail requests.
 */
public final class SessionListeners {
  private static final System.Logger LOG = System.getLogger("dev.sessionconfig.events");

  private volatile ServletContext context;
  private final List<EventListener> added = new CopyOnWriteArrayList<>();
  private volatile List<EventListener> fromContainer;

  private SessionListeners(ServletContext context) {
    this.context = context;
  }

  /** The listeners the container holds for {@code context}, found when first needed, and those added. */
  public static SessionListeners of(ServletContext context) {
    return new SessionListeners(context);
  }

  /**
   * From now on, the listeners the container holds for {@code context} are called too: for sessions opened before
   * the application's container existed (the Spring Boot starter opens them as a bean).
   *
   * @throws IllegalStateException when these listeners already belong to another context
   */
  public void attachTo(ServletContext context) {
    java.util.Objects.requireNonNull(context, "context");
    if (this.context != null && this.context != context) {
      throw new IllegalStateException("these session listeners already belong to another servlet context");
    }
    this.context = context;
  }

  /** Only the listeners added, until {@link #attachTo} names a container. */
  public static SessionListeners none() {
    return new SessionListeners(null);
  }

  /**
   * Registers a listener: an {@link HttpSessionListener}, {@link HttpSessionIdListener} or
   * {@link HttpSessionAttributeListener} (or several of these).
   *
   * @throws IllegalArgumentException for a listener of none of these kinds
   */
  public void add(EventListener listener) {
    if (!(listener instanceof HttpSessionListener || listener instanceof HttpSessionIdListener
        || listener instanceof HttpSessionAttributeListener)) {
      throw new IllegalArgumentException(listener.getClass().getName() + " is no HttpSessionListener,"
          + " HttpSessionIdListener or HttpSessionAttributeListener");
    }
    added.add(listener);
  }

  /** Whether any listener would hear of sessions being destroyed. */
  public boolean hearsDestruction() {
    return all().stream().anyMatch(HttpSessionListener.class::isInstance);
  }

  /** A session was created: {@code sessionCreated}. */
  public void created(HttpSession session) {
    HttpSessionEvent event = new HttpSessionEvent(session);
    each(HttpSessionListener.class, listener -> listener.sessionCreated(event), "sessionCreated");
  }

  /** A session ends (invalidated, expired, emptied): {@code sessionDestroyed}, while its attributes can be read. */
  public void destroyed(HttpSession session) {
    HttpSessionEvent event = new HttpSessionEvent(session);
    each(HttpSessionListener.class, listener -> listener.sessionDestroyed(event), "sessionDestroyed");
  }

  /** The session's id changed from {@code oldId} to {@code session.getId()}. */
  public void idChanged(HttpSession session, String oldId) {
    HttpSessionEvent event = new HttpSessionEvent(session);
    each(HttpSessionIdListener.class, listener -> listener.sessionIdChanged(event, oldId), "sessionIdChanged");
  }

  /**
   * {@code value} was set under {@code name}, replacing {@code old} (or nothing, when {@code null}): the new value
   * is bound, the old one unbound, then the attribute listeners hear it was added or replaced.
   */
  public void set(HttpSession session, String name, Object value, Object old) {
    if (value instanceof HttpSessionBindingListener) {
      call(() -> ((HttpSessionBindingListener) value).valueBound(new HttpSessionBindingEvent(session, name, value)),
          "valueBound", value);
    }
    if (old instanceof HttpSessionBindingListener && old != value) {
      call(() -> ((HttpSessionBindingListener) old).valueUnbound(new HttpSessionBindingEvent(session, name, old)),
          "valueUnbound", old);
    }
    if (old == null) {
      HttpSessionBindingEvent event = new HttpSessionBindingEvent(session, name, value);
      each(HttpSessionAttributeListener.class, listener -> listener.attributeAdded(event), "attributeAdded");
    } else {
      HttpSessionBindingEvent event = new HttpSessionBindingEvent(session, name, old);
      each(HttpSessionAttributeListener.class, listener -> listener.attributeReplaced(event), "attributeReplaced");
    }
  }

  /** {@code old} was removed from under {@code name}: it is unbound, then the attribute listeners hear of it. */
  public void removed(HttpSession session, String name, Object old) {
    if (old instanceof HttpSessionBindingListener) {
      call(() -> ((HttpSessionBindingListener) old).valueUnbound(new HttpSessionBindingEvent(session, name, old)),
          "valueUnbound", old);
    }
    HttpSessionBindingEvent event = new HttpSessionBindingEvent(session, name, old);
    each(HttpSessionAttributeListener.class, listener -> listener.attributeRemoved(event), "attributeRemoved");
  }

  private <T> void each(Class<T> kind, Consumer<T> notify, String method) {
    for (EventListener listener : all()) {
      if (kind.isInstance(listener)) {
        call(() -> notify.accept(kind.cast(listener)), method, listener);
      }
    }
  }

  private static void call(Runnable notify, String method, Object target) {
    try {
      notify.run();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, target.getClass().getName() + "." + method + " failed; the other session"
          + " listeners are still called", e);
    }
  }

  /** The container's listeners, then the added ones. */
  private List<EventListener> all() {
    List<EventListener> container = fromContainer;
    ServletContext attached = context;
    if (container == null && attached != null) {
      container = ContainerListeners.of(attached);
      fromContainer = container;
    } else if (container == null) {
      container = List.of();
    }
    if (added.isEmpty()) {
      return container;
    }
    List<EventListener> all = new ArrayList<>(container);
    all.addAll(added);
    return all;
  }
}
