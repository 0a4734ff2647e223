package dev.sessionconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedisUrlTest {

  @Test
  void aSentinelUrlListsSentinelsWithTheirDefaultPortAndNamesTheMaster() {
    RedisUrl url = RedisUrl.parse("redis-sentinel://app:s3cret@s1,s2:26380,[::1]/2#mymaster");
    assertEquals(RedisUrl.Topology.SENTINEL, url.topology());
    assertEquals(List.of(new RedisUrl.Node("s1", 26379), new RedisUrl.Node("s2", 26380),
        new RedisUrl.Node("[::1]", 26379)), url.nodes());
    assertEquals("::1", url.nodes().get(2).connectHost());
    assertEquals(2, url.database());
    assertEquals("mymaster", url.masterName());
    assertEquals("app", url.user());
    assertEquals("s3cret", url.password());
    assertFalse(url.tls());
    assertEquals("master mymaster of sentinels s1:26379,s2:26380,[::1]:26379/2", url.toString());
  }

  @Test
  void aClusterUrlListsSeedNodesAndAlwaysUsesDatabaseZero() {
    RedisUrl url = RedisUrl.parse("rediss-cluster://:pw@n1:7000,n2");
    assertEquals(RedisUrl.Topology.CLUSTER, url.topology());
    assertEquals(List.of(new RedisUrl.Node("n1", 7000), new RedisUrl.Node("n2", 6379)), url.nodes());
    assertEquals(0, url.database());
    assertTrue(url.tls());
    assertNull(url.user());
    assertEquals("cluster of n1:7000,n2:6379 (TLS)", url.toString());
    assertEquals(0, RedisUrl.parse("redis-cluster://n1/0").database());
  }

  @Test
  void aPlainUrlIsOneServer() {
    RedisUrl url = RedisUrl.parse(" REDIS://cache ");
    assertEquals(RedisUrl.Topology.STANDALONE, url.topology());
    assertEquals(List.of(new RedisUrl.Node("cache", 6379)), url.nodes());
    assertNull(url.masterName());
    assertEquals("cache:6379/0", url.toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "redis-sentinel://:hunter2@s1,s2/0 | names no master after '#' | sentinel monitor NAME",
      "redis-sentinel://:hunter2@s1,s2# | names no master after '#' | #mymaster",
      "redis-sentinel://:hunter2@s1:abc#m | port that is not a number from 1 to 65535 after host 's1' | host:port",
      "redis-cluster://:hunter2@n1:0 | port that is not a number from 1 to 65535 | host:port",
      "redis-cluster://:hunter2@n1:70000 | port that is not a number from 1 to 65535 | host:port",
      "redis-cluster://:hunter2@ | names no host | redis-cluster://[[user]:password@]host[:6379]",
      "redis-sentinel://:hunter2@#m | names no host | redis-sentinel://[[user]:password@]host[:26379]",
      "redis-cluster://:hunter2@n1,,n2 | empty entry in its list of hosts | single commas",
      "redis-cluster://:hunter2@n1, | empty entry in its list of hosts | single commas",
      "redis-cluster://:hunter2@n1/3 | selects database 3, but a Redis Cluster has only database 0 | SESSION_KEY_PREFIX",
      "redis-cluster://:hunter2@n1#m | options after '?' or '#' | leave them out",
      "redis://:hunter2@a,b | lists several hosts, but a redis:// URL names one server | redis-sentinel://",
      "redis-sentinel://hunter2@s1#m | user info without a colon | put a colon",
      "redis-sentinel://:hun#ter2@s1#m | not a valid host name | percent-encode",
      "redis-sentinal://:hunter2@s1#m | is not a Redis URL | redis-sentinel://"})
  void eachMistakeIsOneSentenceWithItsFixAndWithoutThePassword(String url, String reason, String fix) {
    RedisUrl.InvalidRedisUrlException e = assertThrows(RedisUrl.InvalidRedisUrlException.class,
        () -> RedisUrl.parse(url));
    assertTrue(e.violation().reason().contains(reason), e.getMessage());
    assertTrue(e.violation().fix().contains(fix), e.getMessage());
    assertEquals(Setting.SESSION_REDIS, e.violation().setting());
    assertFalse(e.getMessage().contains("hunter2") || e.getMessage().contains("ter2"), e.getMessage());
    assertEquals(e.violation(), SettingRules.check(Setting.SESSION_REDIS, url).orElseThrow(),
        "the compile-time rule is the parser's");
  }

  @Test
  void aPasswordInsideEveryFormIsACredential() {
    for (String url : new String[] {"redis-sentinel://:pw@s1,s2#m", "rediss-cluster://app:pw@n1,n2"}) {
      assertTrue(SettingRules.hasCredentials(url), url);
      assertFalse(SettingRules.maskCredentials(url).contains("pw@"), url);
    }
    assertFalse(SettingRules.hasCredentials("redis-sentinel://s1,s2#m"));
  }
}
