package dev.sessionconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written shape checks accept exactly what the regular expressions that specify them accept: on
 * boundary cases and on many random strings built from the characters that matter.
 */
class ValueShapesTest {
  private static final Pattern COOKIE_TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");
  private static final Pattern DOMAIN = Pattern.compile(
      "\\.?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
  private static final Pattern SQL_TABLE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}");
  private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:]+\\]|[A-Za-z0-9._-]+):([0-9]{1,5})");

  private static final String ALPHABET = "aZk09_-.:[]!#~'`|^ \t/;,@éfF";

  @Test
  void cookieTokenMatchesItsGrammar() {
    agree(text -> COOKIE_TOKEN.matcher(text).matches(), ValueShapes::isCookieToken, List.of("", "session", "__Host-id", "a b", "a;b", "é"));
  }

  @Test
  void domainNameMatchesItsGrammar() {
    agree(text -> DOMAIN.matcher(text).matches(), ValueShapes::isDomainName,
        List.of("", ".", "example.com", ".example.com", "-a.com", "a-.com", "a..b", "a.", "..a", "a-b.c-d", "x"));
  }

  @Test
  void sqlTableNameMatchesItsGrammar() {
    String longest = "t".repeat(63);
    agree(text -> SQL_TABLE.matcher(text).matches(), ValueShapes::isSqlTableName,
        List.of("", "sessions", "app.sessions", "_x", "1x", "a.b.c", ".a", "a.", longest, longest + "t",
            longest + "." + longest, "a$b"));
  }

  @Test
  void hostAndPortMatchesItsGrammarAndPortRange() {
    Predicate<String> reference = text -> {
      var matcher = HOST_PORT.matcher(text);
      return matcher.matches() && Integer.parseInt(matcher.group(2)) > 0 && Integer.parseInt(matcher.group(2)) < 65536;
    };
    agree(reference, ValueShapes::isHostAndPort,
        List.of("", "localhost:11211", "[::1]:11211", "[]:1", "host:0", "host:65535", "host:65536", "host:123456",
            "a:b:1", ":11211", "host:", "10.0.0.1:99999", "[fe80::1%eth0]:1", "host:00001"));
  }

  private static void agree(Predicate<String> reference, Predicate<String> shape, List<String> cases) {
    for (String text : cases) {
      assertEquals(reference.test(text), shape.test(text), () -> "'" + text + "'");
    }
    Random random = new Random(20261125);
    for (int i = 0; i < 200_000; i++) {
      String text = randomText(random);
      assertEquals(reference.test(text), shape.test(text), () -> "'" + text + "'");
    }
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }
}
