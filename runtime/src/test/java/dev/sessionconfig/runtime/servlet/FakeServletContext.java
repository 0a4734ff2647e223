package dev.sessionconfig.runtime.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.EventListener;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A servlet context during initialization, recording what is registered; it can play a context that is
 * already running, or a ServletContextListener's restricted one (which may not add listeners).
 */
final class FakeServletContext {
  final Map<String, Filter> filters = new LinkedHashMap<>();
  final List<String> mappings = new ArrayList<>();
  final List<EnumSet<DispatcherType>> dispatcherTypes = new ArrayList<>();
  final List<Boolean> matchAfter = new ArrayList<>();
  final List<EventListener> listeners = new ArrayList<>();
  final Map<String, Object> attributes = new HashMap<>();
  boolean asyncSupported;
  boolean running;
  boolean insideListener;

  ServletContext context() {
    return (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServletContext.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "addFilter":
              if (running) {
                throw new IllegalStateException("context already initialized");
              }
              if (filters.containsKey((String) args[0])) {
                return null;
              }
              filters.put((String) args[0], (Filter) args[1]);
              return registration();
            case "addListener":
              if (insideListener && args[0] instanceof jakarta.servlet.ServletContextListener) {
                throw new IllegalArgumentException("a ServletContextListener may not add one");
              }
              listeners.add((EventListener) args[0]);
              return null;
            case "setAttribute":
              attributes.put((String) args[0], args[1]);
              return null;
            case "getAttribute":
              return attributes.get((String) args[0]);
            case "toString":
              return "FakeServletContext";
            default:
              throw new UnsupportedOperationException("ServletContext." + method.getName() + " is not faked");
          }
        });
  }

  private FilterRegistration.Dynamic registration() {
    return (FilterRegistration.Dynamic) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {FilterRegistration.Dynamic.class}, (proxy, method, args) -> {
          switch (method.getName()) {
            case "setAsyncSupported":
              asyncSupported = (Boolean) args[0];
              return null;
            case "addMappingForUrlPatterns":
              @SuppressWarnings("unchecked")
              EnumSet<DispatcherType> types = (EnumSet<DispatcherType>) args[0];
              dispatcherTypes.add(types);
              matchAfter.add((Boolean) args[1]);
              mappings.addAll(List.of((String[]) args[2]));
              return null;
            default:
              throw new UnsupportedOperationException("FilterRegistration." + method.getName() + " is not faked");
          }
        });
  }
}
