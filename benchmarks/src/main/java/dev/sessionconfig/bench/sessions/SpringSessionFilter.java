package dev.sessionconfig.bench.sessions;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Spring Session on Redis without Spring Boot: what {@code @EnableRedisHttpSession}'s configuration builds, by
 * hand (a Lettuce connection factory, a template with string keys and JDK-serialized values, a
 * {@link RedisSessionRepository}, and the {@link SessionRepositoryFilter} in front of the application), all with
 * Spring Session's defaults.
 */
final class SpringSessionFilter implements AutoCloseable {
  private final LettuceConnectionFactory connections;
  private final SessionRepositoryFilter<?> filter;

  SpringSessionFilter(String host, int port) {
    connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
    connections.afterPropertiesSet(); // no Spring context drives the life cycle here: initialize and start by hand
    connections.start();
    RedisTemplate<String, Object> template = new RedisTemplate<>();
    template.setConnectionFactory(connections);
    template.setKeySerializer(RedisSerializer.string());
    template.setHashKeySerializer(RedisSerializer.string());
    template.afterPropertiesSet();
    filter = new SessionRepositoryFilter<>(new RedisSessionRepository(template));
  }

  SessionRepositoryFilter<?> filter() {
    return filter;
  }

  @Override
  public void close() {
    connections.destroy();
  }
}
