package com.example.seed;

import dev.sessionconfig.runtime.ConfigSource;
import dev.sessionconfig.runtime.SessionConfigException;
import dev.sessionconfig.runtime.SessionSettings;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** Loads the generated ConfigLoader the way a test of the application would, and prints the result. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // A fresh random key on every run: 36 random bytes are 48 URL-safe Base64 characters.
    byte[] random = new byte[36];
    new SecureRandom().nextBytes(random);
    String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    ConfigSource source = ConfigSource.of(Map.of("SECRET_KEY", key));

    SessionSettings settings = ConfigLoader.load(source);
    System.out.println("javaVersion=" + Runtime.version().feature());
    System.out.println("sessionType=" + settings.sessionType());
    System.out.println("permanentSessionLifetime=" + settings.permanentSessionLifetime());
    System.out.println("secretKeyLength=" + settings.secretKey().length());
    System.out.println("secretKeyMatches=" + settings.secretKey().reveal().equals(key));

    String description = ConfigLoader.describe(source);
    System.out.println("--- describe ---");
    System.out.println(description);
    System.out.println("--- end describe ---");
    check(!description.contains(key), "describe() shows the secret key");
    check(!settings.toString().contains(key), "SessionSettings.toString() shows the secret key");
    check(!String.valueOf(settings.secretKey()).contains(key), "Secret.toString() shows the secret key");

    // The same loader without the variable: one exception naming the setting and where it was looked for.
    try {
      ConfigLoader.load(ConfigSource.of(Map.of()));
      throw new AssertionError("load() accepted an environment without SECRET_KEY");
    } catch (SessionConfigException e) {
      System.out.println("withoutSecretKey=" + e.getMessage().replace('\n', '|'));
    }
  }

  private static void check(boolean condition, String problem) {
    if (!condition) {
      throw new AssertionError(problem);
    }
  }
}
