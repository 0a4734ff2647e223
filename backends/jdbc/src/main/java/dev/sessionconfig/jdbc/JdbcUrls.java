package dev.sessionconfig.jdbc;

import dev.sessionconfig.SettingRules;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a JDBC URL says without connecting: how to print it, which secrets it holds, which driver property it sets. */
final class JdbcUrls {
  private JdbcUrls() {}

  /** {@code password=}, {@code pwd=}, {@code pass=} parameters, in any of the drivers' separators. */
  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(?:password|pwd|pass)=([^&;)]*)");
  /** {@code jdbc:mysql://user:password@host}: user info after any sub-protocol. */
  private static final Pattern USER_INFO = Pattern.compile("^(jdbc:[A-Za-z0-9+.:-]*?//)([^@/?#;]*?):([^@/?#;]*)@");
  /** {@code jdbc:oracle:thin:user/password@host}. */
  private static final Pattern ORACLE_USER_INFO = Pattern.compile("^(jdbc:oracle:[A-Za-z]+:)([^/@:]*)/([^@]*)@");

  /** The URL with every password in it replaced by {@code ****}, so that it can be printed. */
  static String mask(String url) {
    String masked = SettingRules.maskCredentials(url);
    masked = USER_INFO.matcher(masked).replaceFirst("$1$2:****@");
    return ORACLE_USER_INFO.matcher(masked).replaceFirst("$1$2/****@");
  }

  /** The passwords written in the URL, as written and percent-decoded, to keep them out of every message. */
  static List<String> secretsIn(String url) {
    List<String> secrets = new ArrayList<>();
    Matcher parameter = PASSWORD_PARAMETER.matcher(url);
    while (parameter.find()) {
      add(secrets, parameter.group(1));
    }
    for (Pattern userInfo : List.of(USER_INFO, ORACLE_USER_INFO)) {
      Matcher matcher = userInfo.matcher(url);
      if (matcher.find()) {
        add(secrets, matcher.group(3));
      }
    }
    return secrets;
  }

  private static void add(List<String> secrets, String secret) {
    if (!secret.isEmpty()) {
      secrets.add(secret);
      try {
        String decoded = URLDecoder.decode(secret.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (!decoded.equals(secret)) {
          secrets.add(decoded);
        }
      } catch (IllegalArgumentException e) {
        // not percent-encoded: the text as written is all a driver can show
      }
    }
  }

  /** Whether the URL sets the driver property {@code name} itself (then it is the user's to choose). */
  static boolean setsProperty(String url, String name) {
    return url.toLowerCase(Locale.ROOT).matches(".*[?&;(]" + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "=.*");
  }
}
