package dev.sessionconfig.redis;

import static dev.sessionconfig.runtime.store.TestRecords.record;
import static dev.sessionconfig.runtime.store.TestRecords.text;
import static dev.sessionconfig.testing.StoreData.inAMinute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.testing.RedisServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A password in SESSION_REDIS, against a server started with {@code --requirepass}. */
class RedisAuthenticationTest {
  /** Characters that must be percent-encoded in a URL, to prove they are decoded. */
  private static final String PASSWORD = "s3cret p@ss:w/rd+%";
  private static final String WRONG_PASSWORD = "wrong-guess-1234";

  @RegisterExtension static final RedisServer redis = RedisServer.create().requirePassword(PASSWORD);

  @Test
  void aPasswordInTheUrlLogsIn() {
    for (String userInfo : new String[] {":" + encode(PASSWORD) + "@", "default:" + encode(PASSWORD) + "@"}) {
      try (RedisSessionStore store = RedisSessionStore.open(redis.url(userInfo), "session:", null)) {
        store.checkAvailable();
        store.write("id1", record("data"), inAMinute(), null);
        assertEquals("data", text(store.read("id1")));
        assertEquals("redis at 127.0.0.1:" + redis.port() + "/0", store.description());
      }
    }
  }

  @Test
  void aWrongPasswordIsReportedWithoutShowingAnyPassword() {
    try (RedisSessionStore store = RedisSessionStore.open(redis.url(":" + WRONG_PASSWORD + "@"), "session:", null)) {
      SessionStoreException e = assertThrows(SessionStoreException.class, store::checkAvailable);
      assertTrue(e.getMessage().startsWith("redis at 127.0.0.1:" + redis.port() + " refused to log in (WRONGPASS"),
          e.getMessage());
      Failures.assertDoesNotShow(WRONG_PASSWORD, e);
      Failures.assertDoesNotShow(PASSWORD, e);
      assertThrows(SessionStoreException.class, () -> store.read("id1"));
    }
  }

  @Test
  void aMissingPasswordIsReportedAsSuch() {
    try (RedisSessionStore store = RedisSessionStore.open(redis.url(""), "session:", null)) {
      SessionStoreException e = assertThrows(SessionStoreException.class, () -> store.read("id1"));
      assertTrue(e.getMessage().startsWith("redis at 127.0.0.1:" + redis.port() + " refused to log in (NOAUTH"),
          e.getMessage());
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
