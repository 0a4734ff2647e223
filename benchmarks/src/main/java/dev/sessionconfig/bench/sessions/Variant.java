package dev.sessionconfig.bench.sessions;

import dev.sessionconfig.quickstart.RoutesServlet;
import dev.sessionconfig.runtime.ConfigSource;
import dev.sessionconfig.runtime.servlet.SessionInterface;
import dev.sessionconfig.testing.RedisServer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/**
 * The three ways the same routes are served: without sessions, with this project's, with Spring Session's. Both
 * session variants also serve {@link RealisticSessionServlet}, through which each client's session first receives
 * a logged-in Spring Security context and a cart, and {@link CounterServlet}, the contended workload's counters.
 */
enum Variant {
  NONE("none", false) {
    @Override
    AutoCloseable install(ServletContextHandler context, RedisServer redis) {
      context.addServlet(BaselineServlet.class, "/");
      return () -> {};
    }
  },
  SESSIONCONFIG("sessionconfig", true) {
    @Override
    AutoCloseable install(ServletContextHandler context, RedisServer redis) {
      context.addEventListener(new RealisticOnRedis(redis.url()));
      context.addServlet(RoutesServlet.class, "/");
      context.addServlet(RealisticSessionServlet.class, RealisticSessionServlet.PATH);
      addCounters(context);
      return () -> {}; // the store closes with the context
    }
  },
  SPRING_SESSION("spring-session", true) {
    @Override
    AutoCloseable install(ServletContextHandler context, RedisServer redis) {
      SpringSessionFilter springSession = new SpringSessionFilter(RedisServer.HOST, redis.port());
      context.addFilter(new FilterHolder(springSession.filter()), "/*", EnumSet.allOf(DispatcherType.class));
      context.addServlet(RoutesServlet.class, "/");
      context.addServlet(RealisticSessionServlet.class, RealisticSessionServlet.PATH);
      addCounters(context);
      return springSession;
    }
  };

  final String label;
  /** Whether {@code /get} answers the value the client stored, rather than "no value set". */
  final boolean sessions;

  Variant(String label, boolean sessions) {
    this.label = label;
    this.sessions = sessions;
  }

  private static void addCounters(ServletContextHandler context) {
    context.addServlet(CounterServlet.class, CounterServlet.INCREMENT);
    context.addServlet(CounterServlet.class, CounterServlet.COUNTER);
  }

  /** Sets up the routes (and sessions) in {@code context}; the result frees what outlives the context. */
  abstract AutoCloseable install(ServletContextHandler context, RedisServer redis) throws Exception;

  /**
   * The quickstart's settings on Redis with the realistic session's types declared ({@link RealisticSessionConfig}),
   * installed as a generated {@code initApp} does, but from an environment of our own instead of the process's.
   */
  private static final class RealisticOnRedis implements ServletContextListener {
    private final ConfigSource environment;

    RealisticOnRedis(String redisUrl) {
      byte[] key = new byte[36];
      new SecureRandom().nextBytes(key);
      environment = ConfigSource.of(Map.of("SESSION_REDIS", redisUrl,
          "SECRET_KEY", Base64.getUrlEncoder().withoutPadding().encodeToString(key)));
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
      SessionInterface.install(event.getServletContext(), RealisticSessionConfigLoader.load(environment));
    }
  }
}
