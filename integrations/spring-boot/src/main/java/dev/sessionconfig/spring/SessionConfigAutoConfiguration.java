package dev.sessionconfig.spring;

import dev.sessionconfig.runtime.ConfigSource;
import dev.sessionconfig.runtime.GeneratedLoader;
import dev.sessionconfig.runtime.SessionSettings;
import dev.sessionconfig.runtime.servlet.SessionFilter;
import dev.sessionconfig.runtime.servlet.SessionInterface;
import dev.sessionconfig.runtime.users.UserSessions;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Store-backed sessions for a Spring Boot servlet application, from its {@code @SessionConfig} class: the
 * settings are loaded and the store opened as beans (a problem stops the application before the web server
 * starts, reported by the failure analyzer), then the session filter is put first in the container's chain,
 * ahead of Spring Security's. With Spring Security on the class path, its session classes may be stored, the
 * index names sessions after the authenticated user, session events become its application events, and its
 * concurrent session control uses a {@link SessionRegistry} over the shared store.
 *
 * <p>Turned off whole by {@code sessionconfig.enabled=false}; a bean of the application's own replaces each
 * bean here of the same type.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SessionInterface.class)
@ConditionalOnProperty(prefix = "sessionconfig", name = "enabled", matchIfMissing = true)
public class SessionConfigAutoConfiguration {
  /** Where Spring Security's classes that it keeps in sessions live: security contexts, tokens, saved requests. */
  static final List<String> SPRING_SECURITY_CLASSES = List.of("org.springframework.security.**");
  static final String SECURITY_CONTEXT = "org.springframework.security.core.context.SecurityContext";

  /** The loader of the application's {@code @SessionConfig} class, or of the one {@code sessionconfig.config-class} names. */
  @Bean
  @ConditionalOnMissingBean
  GeneratedLoader sessionConfigLoader(Environment environment) {
    ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
    return ConfigDiscovery.find(classLoader != null ? classLoader : getClass().getClassLoader(),
        environment.getProperty(ConfigDiscovery.PROPERTY));
  }

  /**
   * The settings, loaded from this process's environment as the generated {@code load()} does; with Spring
   * Security's packages added to SESSION_SERIALIZATION_ALLOW unless {@code sessionconfig.allow-spring-security-classes=false}.
   */
  @Bean
  @ConditionalOnMissingBean
  SessionSettings sessionSettings(GeneratedLoader loader, Environment environment) {
    SessionSettings settings = loader.load(ConfigSource.system());
    boolean allow = environment.getProperty("sessionconfig.allow-spring-security-classes", Boolean.class, true);
    if (allow && org.springframework.util.ClassUtils.isPresent(SECURITY_CONTEXT, getClass().getClassLoader())) {
      settings = settings.allowingSerialization(SPRING_SECURITY_CLASSES);
    }
    return settings;
  }

  /** The sessions, their store opened and checked; closed with the application. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  SessionInterface sessionInterface(SessionSettings settings) {
    return SessionInterface.open(settings);
  }

  /** The sessions of each user across the instances: "log out everywhere", a user's session list. */
  @Bean
  @ConditionalOnMissingBean
  UserSessions userSessions(SessionInterface sessions) {
    return sessions.users();
  }

  @Bean
  SessionFilterInitializer sessionConfigFilterInitializer(SessionInterface sessions) {
    return new SessionFilterInitializer(sessions);
  }

  /** The session filter, first among the application's filters (Spring Security's is at -100). */
  @Bean
  FilterRegistrationBean<SessionFilter> sessionConfigFilter(SessionInterface sessions) {
    return SessionFilterInitializer.filter(sessions);
  }

  /** With Spring Boot Actuator: the session store's health, {@code /actuator/health/sessionStore}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class StoreHealthIndicator {
    @Bean
    @ConditionalOnMissingBean(name = "sessionStoreHealthIndicator")
    SessionStoreHealthIndicator sessionStoreHealthIndicator(SessionInterface sessions) {
      return new SessionStoreHealthIndicator(sessions);
    }
  }

  /** What Spring Security needs from sessions shared by several instances. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({SessionRegistry.class, SecurityFilterChain.class})
  static class SpringSecuritySessions {

    @Bean
    @ConditionalOnMissingBean(SessionRegistry.class)
    SessionRegistry sessionConfigSessionRegistry(SessionInterface sessions) {
      return new UserSessionsRegistry(sessions.users());
    }

    @Bean
    SpringSecurityWiring sessionConfigSpringSecurityWiring(SessionInterface sessions,
        ApplicationEventPublisher publisher, ObjectProvider<HttpSessionEventPublisher> eventPublishers,
        ObjectProvider<SecurityFilterChain> filterChains, Environment environment) {
      boolean events = environment.getProperty("sessionconfig.publish-events", Boolean.class, true);
      return new SpringSecurityWiring(sessions, publisher, eventPublishers, filterChains, events);
    }
  }
}
