package dev.sessionconfig.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

  @Test
  void masksPasswordParametersInEveryDriversSyntax() {
    assertEquals("jdbc:postgresql://db:5432/app?user=app&password=****&ssl=true",
        JdbcUrls.mask("jdbc:postgresql://db:5432/app?user=app&password=hunter2&ssl=true"));
    assertEquals("jdbc:h2:mem:app;USER=sa;PASSWORD=****;DB_CLOSE_DELAY=-1",
        JdbcUrls.mask("jdbc:h2:mem:app;USER=sa;PASSWORD=hunter2;DB_CLOSE_DELAY=-1"));
    assertEquals("jdbc:sqlserver://db;user=app;password=****", JdbcUrls.mask("jdbc:sqlserver://db;user=app;password=x"));
  }

  @Test
  void masksAPasswordInTheUserInfo() {
    assertEquals("jdbc:mysql://app:****@db:3306/app", JdbcUrls.mask("jdbc:mysql://app:hunter2@db:3306/app"));
    assertEquals("jdbc:mariadb://app:****@db/app", JdbcUrls.mask("jdbc:mariadb://app:p%40ss@db/app"));
    assertEquals("jdbc:oracle:thin:app/****@db:1521/xe", JdbcUrls.mask("jdbc:oracle:thin:app/hunter2@db:1521/xe"));
  }

  @Test
  void leavesAUrlWithoutPasswordsAsItIs() {
    for (String url : List.of("jdbc:postgresql://db:5432/app", "jdbc:postgresql://db:5432/app?user=a@b",
        "jdbc:sqlite:/var/lib/app/sessions.db", "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", "jdbc:mariadb://[::1]:3306/app")) {
      assertEquals(url, JdbcUrls.mask(url));
    }
  }

  @Test
  void findsThePasswordsInAUrlAsWrittenAndDecoded() {
    assertEquals(List.of("p%40ss", "p@ss"), JdbcUrls.secretsIn("jdbc:postgresql://db/app?password=p%40ss"));
    assertEquals(List.of("hunter2"), JdbcUrls.secretsIn("jdbc:mysql://app:hunter2@db/app"));
    assertEquals(List.of("a", "b"), JdbcUrls.secretsIn("jdbc:h2:mem:x;PASSWORD=a;x=1?pwd=b"));
    assertEquals(List.of(), JdbcUrls.secretsIn("jdbc:postgresql://db/app?user=app"));
  }

  @Test
  void tellsWhetherTheUrlSetsADriverProperty() {
    assertTrue(JdbcUrls.setsProperty("jdbc:postgresql://db/app?socketTimeout=30", "socketTimeout"));
    assertTrue(JdbcUrls.setsProperty("jdbc:mariadb://db/app?user=a&SOCKETTIMEOUT=1", "socketTimeout"));
    assertFalse(JdbcUrls.setsProperty("jdbc:postgresql://db/app?socketTimeoutX=30", "socketTimeout"));
    assertFalse(JdbcUrls.setsProperty("jdbc:postgresql://db/socketTimeout=1", "socketTimeout"));
  }
}
