package dev.sessionconfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * A JDK parse or conversion function that a config class applies to a value it looks up, such as {@code
 * Boolean.parseBoolean} in {@code Boolean.parseBoolean(System.getenv("COOKIE_SECURE"))}. The processor recognises
 * these calls and the generated loader replays them against its {@code ConfigSource}, strictly: where the JDK
 * function would quietly turn a mistyped value into another one ({@code "yes"} into {@code false}), the loader
 * reports a startup problem instead. Generated loaders build these; applications rarely need to.
 *
 * <p>No message quotes a value of a secret setting: conversions are replayed for the other settings only.
 */
public sealed interface Conversion {

  /**
   * Converts a present value: text, or the number a previous conversion produced.
   *
   * @throws IllegalArgumentException saying what was expected, as {@code reason; fix}
   */
  Object apply(Object value);

  /**
   * What the JDK function returns for a missing ({@code null}) value when it is called on one directly:
   * {@code Boolean.parseBoolean(null)} is {@code false}; empty when it throws instead, as most do.
   */
  default Optional<Object> ofMissing() {
    return Optional.empty();
  }

  /** The JDK function as the code calls it, e.g. {@code Boolean.parseBoolean}, for messages. */
  String function();

  /** {@code Boolean.parseBoolean}, {@code Boolean.valueOf}, {@code Boolean.getBoolean}: {@code true} or {@code false}, case-insensitive. */
  static Conversion toBoolean(String function) {
    return new ToBoolean(function);
  }

  /** {@code Integer.parseInt}, {@code Integer.valueOf} in {@code radix}; radix 0 is {@code Integer.decode}. */
  static Conversion toInt(String function, int radix) {
    return new ToWholeNumber(function, radix, false);
  }

  /** {@code Long.parseLong}, {@code Long.valueOf} in {@code radix}; radix 0 is {@code Long.decode}. */
  static Conversion toLong(String function, int radix) {
    return new ToWholeNumber(function, radix, true);
  }

  /** {@code Duration.parse}: ISO-8601 text such as {@code PT30M}. */
  static Conversion toDuration(String function) {
    return new ToDuration(function);
  }

  /** {@code Duration.ofMinutes(n)} and its siblings: a whole number of {@code unit}s. */
  static Conversion durationIn(String function, ChronoUnit unit) {
    return new DurationIn(function, unit);
  }

  /** {@code Path.of} and {@code Paths.get} of one string: text that must form a path. */
  static Conversion toPath(String function) {
    return new ToPath(function);
  }

  /** {@code URI.create} and {@code new URI}: text that must form a URI. */
  static Conversion toUri(String function) {
    return new ToUri(function);
  }

  /** {@code toUpperCase()} ({@code upper}) or {@code toLowerCase()}, replayed with the root locale. */
  static Conversion changeCase(boolean upper) {
    return new ChangeCase(upper);
  }

  /** {@code SessionType.valueOf}: the exact name of a {@link SessionType} constant. */
  static Conversion toSessionType(String function) {
    return new ToSessionType(function);
  }

  /** A boolean, strictly: {@code true} or {@code false}, ignoring case and surrounding white space. */
  record ToBoolean(String function) implements Conversion {
    @Override
    public Object apply(Object value) {
      String text = value.toString().trim();
      if (text.equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
      if (text.equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
      throw new IllegalArgumentException("'" + value + "' is not a boolean (" + function
          + " would read it as false); use true or false");
    }

    @Override
    public Optional<Object> ofMissing() {
      return Optional.of(Boolean.FALSE);
    }
  }

  /** A whole number that must parse completely and fit an int ({@code !isLong}) or a long. */
  record ToWholeNumber(String function, int radix, boolean isLong) implements Conversion {
    @Override
    public Object apply(Object value) {
      String text = value.toString().trim();
      try {
        if (radix == 0) {
          return isLong ? Long.decode(text) : (Object) Integer.decode(text);
        }
        return isLong ? Long.valueOf(text, radix) : (Object) Integer.valueOf(text, radix);
      } catch (NumberFormatException e) {
        if (isWholeNumber(text)) {
          throw new IllegalArgumentException("'" + value + "' is out of range (" + function + " reads "
              + (isLong ? "a long" : "an int") + ", " + (isLong ? Long.MIN_VALUE : Integer.MIN_VALUE) + " to "
              + (isLong ? Long.MAX_VALUE : Integer.MAX_VALUE) + ")" + "; use a smaller number", e);
        }
        throw new IllegalArgumentException("'" + value + "' is not " + form() + "; use " + example(), e);
      }
    }

    private boolean isWholeNumber(String text) {
      String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
      if (digits.isEmpty()) {
        return false;
      }
      for (int i = 0; i < digits.length(); i++) {
        if (Character.digit(digits.charAt(i), radix == 0 ? 10 : radix) < 0) {
          return false;
        }
      }
      return true;
    }

    private String form() {
      switch (radix) {
        case 0:
          return "a whole number (" + function + " reads decimal, 0x hexadecimal or 0-prefixed octal)";
        case 8:
          return "an octal number (" + function + " in radix 8)";
        case 10:
          return "a whole number";
        default:
          return "a whole number in radix " + radix;
      }
    }

    private String example() {
      return radix == 8 || radix == 0 ? "digits such as 0600" : radix == 10 ? "digits only, such as 32"
          : "digits of radix " + radix;
    }
  }

  /** An ISO-8601 duration, as {@code Duration.parse} reads it. */
  record ToDuration(String function) implements Conversion {
    @Override
    public Object apply(Object value) {
      try {
        return Duration.parse(value.toString().trim());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + value + "' is not an ISO-8601 duration (" + function
            + "); use a form such as PT30M, PT12H or P7D", e);
      }
    }
  }

  /** A number of {@code unit}s, from a number a previous conversion produced. */
  record DurationIn(String function, ChronoUnit unit) implements Conversion {
    @Override
    public Object apply(Object value) {
      if (!(value instanceof Number)) {
        throw new IllegalArgumentException("'" + value + "' is not a number of "
            + unit.name().toLowerCase(Locale.ROOT) + "; use digits only");
      }
      try {
        return Duration.of(((Number) value).longValue(), unit);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(value + " " + unit.name().toLowerCase(Locale.ROOT)
            + " is more than a Duration holds (" + function + "); use a smaller number", e);
      }
    }
  }

  /** A file system path. */
  record ToPath(String function) implements Conversion {
    @Override
    public Object apply(Object value) {
      try {
        return Path.of(value.toString());
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException("'" + value + "' is not a valid path (" + e.getReason() + ")"
            + "; use a directory path such as /var/lib/app/sessions", e);
      }
    }
  }

  /** A URI; the message masks a password inside it. */
  record ToUri(String function) implements Conversion {
    @Override
    public Object apply(Object value) {
      try {
        return new URI(value.toString());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("'" + SettingRules.maskCredentials(value.toString())
            + "' is not a valid URI (" + e.getReason() + "); percent-encode special characters, e.g. '@' in a"
            + " password as %40", e);
      }
    }
  }

  /** Upper or lower case, with the root locale: configuration values are names, not prose. */
  record ChangeCase(boolean upper) implements Conversion {
    @Override
    public Object apply(Object value) {
      String text = value.toString();
      return upper ? text.toUpperCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT);
    }

    @Override
    public String function() {
      return upper ? "toUpperCase" : "toLowerCase";
    }
  }

  /** The exact name of a {@link SessionType} constant, as {@code SessionType.valueOf} requires. */
  record ToSessionType(String function) implements Conversion {
    @Override
    public Object apply(Object value) {
      String text = value.toString();
      for (SessionType type : SessionType.values()) {
        if (type.name().equals(text)) {
          return type;
        }
      }
      StringBuilder names = new StringBuilder();
      for (SessionType type : SessionType.values()) {
        if (type.storeArtifactId().isPresent()) {
          names.append(names.length() == 0 ? "" : ", ").append(type.name());
        }
      }
      SessionType.Lookup lookup = SessionType.lookup(text);
      SessionType meant = lookup.type() != null ? lookup.type()
          : lookup.hint() != null ? SessionType.lookup(lookup.hint()).type() : null;
      throw new IllegalArgumentException("'" + text + "' is not the name of a SessionType constant (" + function
          + " is case-sensitive)" + "; " + (meant != null ? "did you mean '" + meant.name() + "'? " : "")
          + "use one of " + names);
    }
  }
}
