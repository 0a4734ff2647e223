package dev.sessionconfig.runtime.events;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EventListener;
import java.util.List;

/**
 * The session listeners a container holds for an application, whichever way they were registered. The Servlet
 * API has no call that lists them, so each container is asked its own way: Jetty 12 through its public API,
 * Tomcat 11 through the context behind its ServletContext facade. A container that is neither gets none, and says
 * so once: its listeners then need {@link SessionListeners#add}.
 */
final class ContainerListeners {
  private static final System.Logger LOG = System.getLogger("dev.sessionconfig.events");

  private ContainerListeners() {}

  static List<EventListener> of(ServletContext context) {
    List<Object> found = new ArrayList<>();
    try {
      if (!jetty(context, found) && !tomcat(context, found)) {
        LOG.log(System.Logger.Level.INFO, "The session listeners this container ("
            + context.getClass().getName() + ") holds cannot be listed; register them with"
            + " SessionInterface.listeners().add(...) to have them called for store-backed sessions");
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "The session listeners of this container (" + context.getClass().getName()
          + ") could not be listed (" + e + "); register them with SessionInterface.listeners().add(...)");
    }
    List<EventListener> listeners = new ArrayList<>();
    for (Object listener : found) {
      // A listener of several kinds can be listed more than once (Tomcat keeps lifecycle and event listeners apart).
      boolean listed = listeners.stream().anyMatch(known -> known == listener);
      if (!listed && (listener instanceof HttpSessionListener || listener instanceof HttpSessionIdListener
          || listener instanceof HttpSessionAttributeListener)) {
        listeners.add((EventListener) listener);
      }
    }
    return List.copyOf(listeners);
  }

  /** Jetty 12: {@code ServletContextHandler.getServletContextHandler(context).getEventListeners()}. */
  private static boolean jetty(ServletContext context, List<Object> found) throws ReflectiveOperationException {
    Class<?> handler = loadable(context, "org.eclipse.jetty.ee10.servlet.ServletContextHandler");
    if (handler == null) {
      return false;
    }
    Object contextHandler = handler.getMethod("getServletContextHandler", ServletContext.class).invoke(null, context);
    if (contextHandler == null) {
      return false;
    }
    found.addAll((Collection<?>) contextHandler.getClass().getMethod("getEventListeners").invoke(contextHandler));
    return true;
  }

  /**
   * Tomcat 11: its facade holds the ApplicationContext, which holds the StandardContext, whose lifecycle and event
   * listeners are the application's.
   */
  private static boolean tomcat(ServletContext context, List<Object> found) throws ReflectiveOperationException {
    if (!context.getClass().getName().equals("org.apache.catalina.core.ApplicationContextFacade")) {
      return false;
    }
    Object applicationContext = field(context, "context");
    Object standardContext = field(applicationContext, "context");
    for (String getter : List.of("getApplicationLifecycleListeners", "getApplicationEventListeners")) {
      Method method = standardContext.getClass().getMethod(getter);
      Object[] listeners = (Object[]) method.invoke(standardContext);
      if (listeners != null) {
        found.addAll(Arrays.asList(listeners));
      }
    }
    return true;
  }

  private static Object field(Object owner, String name) throws ReflectiveOperationException {
    Field field = owner.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(owner);
  }

  private static Class<?> loadable(ServletContext context, String name) {
    for (ClassLoader loader : new ClassLoader[] {context.getClass().getClassLoader(),
        Thread.currentThread().getContextClassLoader()}) {
      try {
        return Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError notThere) {
        // another container, or another loader
      }
    }
    return null;
  }
}
