package dev.sessionconfig.processor;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor can report: its stable ID (printed in brackets, used in
 * {@code @SuppressWarnings("sessionconfig:ID")}), its kind, and its text. Each text says what is wrong, why
 * it matters, and how to fix it; {@code %s} placeholders are filled by the reporting check.
 */
public enum Message {
  MissingSessionType(Diagnostic.Kind.ERROR,
      "%s declares no SESSION_TYPE, itself or in a superclass. Flask-Session falls back to its null session"
          + " here, which fails at run time with the misleading \"no secret key was set\". Fix: declare"
          + " static final SessionType SESSION_TYPE = SessionType.FILESYSTEM; (or REDIS, MEMCACHED, JDBC)."),
  /** {@code [MissingSessionType]} when the compilation declares SESSION_TYPE in a class no loader reads. */
  MissingSessionTypeDeclaredElsewhere("MissingSessionType", Diagnostic.Kind.ERROR,
      "%s declares no SESSION_TYPE, itself or in a superclass. Flask-Session falls back to its null session"
          + " here, which fails at run time with the misleading \"no secret key was set\" (SESSION_TYPE is"
          + " declared in %s, which is not a @SessionConfig class, so it is never read). Fix: declare"
          + " static final SessionType SESSION_TYPE = SessionType.FILESYSTEM; (or REDIS, MEMCACHED, JDBC)."),
  UnknownSessionType(Diagnostic.Kind.ERROR, "SESSION_TYPE %s. Fix: %s."),
  NullSessionType(Diagnostic.Kind.ERROR,
      "SESSION_TYPE is %s: that is Flask-Session's null session, which makes every session access fail with"
          + " \"the session is unavailable because no secret key was set\". Fix: choose a real store, e.g."
          + " SessionType.FILESYSTEM."),
  UnsupportedSessionType(Diagnostic.Kind.ERROR, "SESSION_TYPE %s. Fix: %s."),
  SessionTypeAlias(Diagnostic.Kind.NOTE,
      "SESSION_TYPE '%s' is Flask-Session's name for the %s store: it is accepted as SessionType.%s."),
  MissingStoreModule(Diagnostic.Kind.ERROR,
      "SESSION_TYPE is '%s', but its store is not on the compile class path, so sessions could not start."
          + " Fix: add the dependency %s (<artifactId>%s</artifactId>, same version as sessionconfig-runtime)."),
  MissingSecretKey(Diagnostic.Kind.ERROR,
      "%s declares no SECRET_KEY, itself or in a superclass, so session cookies could not be signed at startup."
          + " Fix: set it from the environment in its declaration, e.g."
          + " static final String SECRET_KEY = System.getenv(\"SECRET_KEY\");"),
  /** {@code [MissingSecretKey]} for a secret that is declared but never assigned. */
  UnassignedSecretKey("MissingSecretKey", Diagnostic.Kind.ERROR,
      "%s is declared but never assigned, so it would be missing at startup. Fix: set it from the environment in"
          + " its declaration, e.g. static final String %s = System.getenv(\"%s\");"),
  /** {@code [MissingSecretKey]} for a secret set to null. */
  NullSecretKey("MissingSecretKey", Diagnostic.Kind.ERROR,
      "%s is set to null, so it would be missing at startup. Fix: set it from the environment in its"
          + " declaration, e.g. static final String %s = System.getenv(\"%s\");"),
  LiteralSecretKey(Diagnostic.Kind.ERROR,
      "%s is %s: a secret written in the source is in every copy of the code and its history, and anyone who"
          + " reads it can forge sessions or open the session store. Fix: read it at startup, e.g. System.getenv(\"%s\")."),
  /** {@code [LiteralSecretKey]} for a connection URL with a password in it. */
  LiteralPasswordInUrl("LiteralSecretKey", Diagnostic.Kind.ERROR,
      "%s is a URL with a password written in it: a secret written in the source is in every copy of the code and"
          + " its history, and anyone who reads it can forge sessions or open the session store. Fix: read it at"
          + " startup, e.g. System.getenv(\"%s\") and keep the password out of the code."),
  LiteralSecretFallback(Diagnostic.Kind.ERROR,
      "%s falls back to a hard-coded value when %s is not set, so a deployment that forgets it silently"
          + " uses a secret anyone can read in the code. Fix: drop the fallback (a missing variable"
          + " then fails at startup), or mark a development config @SessionConfig(development = true), which"
          + " uses a random per-process key instead."),
  SecretAssignedOutsideConfig(Diagnostic.Kind.ERROR,
      "%s is assigned %s, which the generated loader never runs (under a servlet container main() does not"
          + " run either, as Flask's if __name__ == \"__main__\" block does not under a WSGI server), so the key"
          + " would be missing at startup. Fix: set it in the field's initializer, e.g."
          + " static final String %s = System.getenv(\"%s\");"),
  RandomSecretKey(Diagnostic.Kind.WARNING,
      "%s is made by a random source when the process starts, so every process has its own key: a session cookie"
          + " signed by one instance is rejected by the others, and every session ends at a restart. Fix: read a"
          + " key shared by every instance at startup, e.g. System.getenv(\"%s\"); a config marked"
          + " @SessionConfig(development = true) may leave it unset and gets a random key with a warning at"
          + " startup."),
  /** {@code [SecretAssignedOutsideConfig]} for a secret read from a system property that main() sets. */
  SecretPropertySetOutsideConfig("SecretAssignedOutsideConfig", Diagnostic.Kind.ERROR,
      "%s reads system property %s, which is set %s: under a servlet container main() never runs (as Flask's"
          + " if __name__ == \"__main__\" block does not under a WSGI server), and the config class may have read the"
          + " property before main() set it, so the key would be missing at startup. Fix: set the property where the"
          + " application is launched (java -D%2$s=..., or the server's settings), or read the key from the"
          + " environment in its declaration, e.g. static final String %1$s = System.getenv(\"%1$s\");"),
  SettingAssignedOutsideConfig(Diagnostic.Kind.ERROR,
      "%s is assigned %s, which the generated loader never runs (under a servlet container main() does not"
          + " run either, as Flask's if __name__ == \"__main__\" block does not under a WSGI server), so the setting"
          + " would not have this value at startup. Fix: set it in the field's initializer or in a static block of"
          + " %s, reading the environment or a system property there when it differs between deployments."),
  /** {@code [SettingAssignedOutsideConfig]} for a setting read from a system property that main() sets. */
  SettingPropertySetOutsideConfig("SettingAssignedOutsideConfig", Diagnostic.Kind.ERROR,
      "%s reads system property %s, which is set %s: under a servlet container main() never runs (as Flask's"
          + " if __name__ == \"__main__\" block does not under a WSGI server), and the config class may have read the"
          + " property before main() set it, so the setting would not have this value at startup. Fix: set the"
          + " property where the application is launched (java -D%2$s=..., or the server's settings), or set the"
          + " value in the field's initializer."),
  SecretInArtifact(Diagnostic.Kind.WARNING,
      "%s is read from the class-path resource %s, which is packaged into the application's artifact: the"
          + " secret ships in every copy of it, and anyone who has one can read it and forge sessions or open the"
          + " session store. Fix: keep the secret out of the artifact and read it at startup from the environment"
          + " (System.getenv(\"%s\")), from a secrets file outside the artifact (such as /run/secrets/...), or from"
          + " a key-management service."),
  /** {@code [SecretInArtifact]} for a class-path resource whose name is computed at run time. */
  SecretInUnnamedResource("SecretInArtifact", Diagnostic.Kind.WARNING,
      "%s is read from a class-path resource, which is packaged into the application's artifact: the secret ships"
          + " in every copy of it, and anyone who has one can read it and forge sessions or open the session"
          + " store. Fix: keep the secret out of the artifact and read it at startup from the environment"
          + " (System.getenv(\"%s\")), from a secrets file outside the artifact (such as /run/secrets/...), or from"
          + " a key-management service."),
  /** {@code [SecretInArtifact]} for a file inside the source tree. */
  SecretInSourceTree("SecretInArtifact", Diagnostic.Kind.WARNING,
      "%s is read from the file %s, which is inside the source tree: the secret is committed and packaged with"
          + " the code, so it ships in every copy of the code and of the artifact, and anyone who has one can read it"
          + " and forge sessions or open the session store. Fix: keep the secret out of the source tree and read it"
          + " at startup from the environment (System.getenv(\"%s\")), from a secrets file outside the artifact"
          + " (such as /run/secrets/...), or from a key-management service."),
  UncheckedConversion(Diagnostic.Kind.WARNING,
      "%s converts the value of %s with code the generated loader cannot replay, so the loader sees only the"
          + " result: a mistyped value (such as 'yes', which Boolean.parseBoolean reads as false) starts the"
          + " application without a word instead of failing at startup. Fix: parse the value with a JDK function"
          + " the loader replays strictly (Boolean.parseBoolean, Integer.parseInt, Long.parseLong, Duration.parse,"
          + " Duration.ofMinutes, SessionType.valueOf...), e.g. static final %s %s = %s;"),
  MissingStoreSetting(Diagnostic.Kind.WARNING,
      "SESSION_TYPE is %s but %s is not declared, so the store falls back to %s, which only works on a developer's"
          + " machine. Fix: declare %2$s, e.g. static final String %2$s = System.getenv(\"%2$s\")."),
  /** {@code [MissingStoreSetting]} for a store that has no default to fall back to. */
  MissingRequiredStoreSetting("MissingStoreSetting", Diagnostic.Kind.WARNING,
      "SESSION_TYPE is %s but %s is not declared, so the store cannot start. Fix: declare %2$s, e.g. static final"
          + " String %2$s = System.getenv(\"%2$s\")."),
  IrrelevantSetting(Diagnostic.Kind.WARNING,
      "%s is read only by the %s store, but SESSION_TYPE is %s, so it has no effect. Fix: remove it, or move it"
          + " to a config class that uses %s."),
  UnknownSetting(Diagnostic.Kind.WARNING,
      "%s is not a setting any store reads, so it has no effect. Fix: remove it, or rename it to a setting listed in"
          + " the README's table of settings."),
  /** {@code [UnknownSetting]} for a name close to a setting's: most likely a typo. */
  MisspelledSetting("UnknownSetting", Diagnostic.Kind.WARNING,
      "%s is not a setting any store reads, so it has no effect. Did you mean %s? Fix: rename it to %2$s."),
  /** {@code [UnknownSetting]} for a Flask-Session setting with no counterpart; the advice ends with its fix. */
  FlaskOnlySetting("UnknownSetting", Diagnostic.Kind.WARNING,
      "%s is not a setting any store reads, so it has no effect. It is a Flask-Session setting. %s"),
  WrongSettingType(Diagnostic.Kind.ERROR,
      "%s is declared as %s, which the loader cannot read as that setting. Fix: declare it as %s."),
  InvalidSettingValue(Diagnostic.Kind.ERROR, "%s: %s. Fix: %s."),
  InsecureCookie(Diagnostic.Kind.ERROR, "%s: %s. Fix: %s."),
  /** {@code [InsecureCookie]} for a cookie that works but is weaker than it should be. */
  InsecureCookieWarning("InsecureCookie", Diagnostic.Kind.WARNING, "%s: %s. Fix: %s."),
  UnstorableAttributeType(Diagnostic.Kind.ERROR, "SESSION_ATTRIBUTE_TYPES lists %s: %s Fix: %s"),
  /** {@code [UnstorableAttributeType]} for a part of a declared type, named by its component path. */
  UnstorableAttributeComponent("UnstorableAttributeType", Diagnostic.Kind.ERROR,
      "SESSION_ATTRIBUTE_TYPES lists %s, whose component %s cannot be stored: %s Fix: %s"),
  UnreadableAttributeTypes(Diagnostic.Kind.ERROR,
      "SESSION_ATTRIBUTE_TYPES is not a list of class literals, so the processor cannot tell which types to"
          + " generate codecs for. Fix: list the classes, e.g. static final List<Class<?>> SESSION_ATTRIBUTE_TYPES"
          + " = List.of(Cart.class, Role.class);"),
  UnsafeSerializationAllow(Diagnostic.Kind.ERROR, "%s: %s. Fix: %s."),
  InstanceSetting(Diagnostic.Kind.ERROR,
      "%s is an instance field: settings are the class's static fields (Flask reads class attributes), so this"
          + " one is never read. Fix: make it static."),
  LowercaseSetting(Diagnostic.Kind.WARNING,
      "%s is not upper case: like Flask's from_object, only UPPER_CASE static fields are settings, so this one"
          + " is never read. Fix: rename it to %s."),
  StraySetting(Diagnostic.Kind.WARNING,
      "%s is declared in %s, which is not a @SessionConfig class, so no loader ever reads it (the Flask"
          + " mistake of a SESSION_TYPE global that is never applied). Fix: move it into your @SessionConfig"
          + " class."),
  /** {@code [StraySetting]} when the compilation has exactly one config class to name. */
  StraySettingOneConfig("StraySetting", Diagnostic.Kind.WARNING,
      "%s is declared in %s, which is not a @SessionConfig class, so no loader ever reads it (the Flask"
          + " mistake of a SESSION_TYPE global that is never applied). Fix: move it into your @SessionConfig"
          + " class %s."),
  InaccessibleSetting(Diagnostic.Kind.ERROR,
      "%s is %s, so the generated %s cannot read it. Fix: %s."),
  NotAConfigClass(Diagnostic.Kind.ERROR,
      "@SessionConfig goes on a top-level or static nested class that the generated loader can reach; %s is %s."
          + " Fix: %s."),
  InvalidOption(Diagnostic.Kind.ERROR, "%s. Known options: %s."),
  UnresolvedType(Diagnostic.Kind.ERROR,
      "%s could not be checked because %s never became available; no loader was generated. Fix: make sure the"
          + " type exists or that the processor generating it runs."),
  TreesUnavailable(Diagnostic.Kind.NOTE,
      "sessionconfig: this compiler has no javac Tree API, so checks that need to see initializers were"
          + " skipped: %s. Build with javac to run them."),
  InternalError(Diagnostic.Kind.ERROR,
      "sessionconfig processor bug while processing %s; please report it with this trace:%n%s");

  private final String id;
  private final Diagnostic.Kind kind;
  private final String format;

  Message(Diagnostic.Kind kind, String format) {
    this(null, kind, format);
  }

  Message(String id, Diagnostic.Kind kind, String format) {
    this.id = id;
    this.kind = kind;
    this.format = format;
  }

  /** The stable ID, printed in brackets and named in {@code @SuppressWarnings("sessionconfig:ID")}. */
  public String id() {
    return id != null ? id : name();
  }

  /** The kind this message is reported with, before options such as warningsAsErrors apply. */
  public Diagnostic.Kind kind() {
    return kind;
  }

  /** The full text: {@code [ID] } followed by the formatted message. */
  public String format(Object... arguments) {
    // A reason that ends in a question ("did you mean 'memcached'?") needs no full stop after it.
    return "[" + id() + "] " + String.format(format, arguments).replace("?. ", "? ");
  }
}
