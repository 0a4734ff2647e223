package dev.sessionconfig.bench.users;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;

/**
 * Spring Session's index of sessions by user on Redis: {@link RedisIndexedSessionRepository} (what
 * {@code @EnableRedisIndexedHttpSession} builds) over Lettuce, with a template of string keys and JDK-serialized
 * values as its configuration sets up, its defaults otherwise; the minutely cleanup job is off so that it sends
 * nothing while lookups are counted. {@code findByPrincipalName} answers the lookups.
 */
final class SpringSessionContender implements Contender {
  private final LettuceConnectionFactory connections;
  private final RedisIndexedSessionRepository repository;

  SpringSessionContender(String host, int port) {
    connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
    connections.afterPropertiesSet();
    connections.start();
    RedisTemplate<String, Object> template = new RedisTemplate<>();
    template.setConnectionFactory(connections);
    template.setKeySerializer(RedisSerializer.string());
    template.setHashKeySerializer(RedisSerializer.string());
    template.afterPropertiesSet();
    repository = new RedisIndexedSessionRepository(template);
    repository.setDefaultMaxInactiveInterval(Duration.ofHours(2));
    repository.setCleanupCron("-"); // Scheduled.CRON_DISABLED
    repository.afterPropertiesSet();
  }

  @Override
  public String write(String user, int index) {
    RedisIndexedSessionRepository.RedisSession session = repository.createSession();
    for (Map.Entry<String, Object> attribute : SampleRecord.attributes(
        FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, user, index).entrySet()) {
      session.setAttribute(attribute.getKey(), attribute.getValue());
    }
    repository.save(session);
    return session.getId();
  }

  @Override
  public Set<String> find(String user) {
    return repository.findByPrincipalName(user).keySet();
  }

  @Override
  public void close() {
    repository.destroy();
    connections.destroy();
  }
}
