package dev.sessionconfig;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose static upper-case fields are session settings, the way Flask's
 * {@code app.config.from_object(Config)} reads a Python class.
 *
 * <p>The annotation processor checks the class when it is compiled (a wrong or missing setting fails the
 * build) and generates {@code <Class>Loader} next to it, with {@code load()}, {@code load(ConfigSource)},
 * {@code describe(ConfigSource)} and, when the Servlet API is on the class path, {@code initApp(...)}.
 *
 * <h2>What a session may hold</h2>
 *
 * <p>Strings, numbers, booleans, {@code null}, {@code BigDecimal}, {@code BigInteger}, {@code UUID}, the
 * {@code java.time} types, {@code Locale}, {@code URI}, {@code Date}, {@code byte[]} and other arrays, and Lists,
 * Sets, Maps (keys of any of these kinds) and Optionals of them. What is read back, on any instance, is
 * {@code equals()} to what was stored: a List comes back as an ArrayList, a Set as a LinkedHashSet in the same
 * order (a natural-order TreeSet as a TreeSet, an EnumSet as an EnumSet), a Map likewise.
 *
 * <p>The application's own types are declared in the config class:
 * <pre>{@code
 * static final List<Class<?>> SESSION_ATTRIBUTE_TYPES = List.of(Cart.class, Role.class, LegacyProfile.class);
 * static final List<String> SESSION_SERIALIZATION_ALLOW = List.of("org.springframework.security.**");
 * }</pre>
 * For each record and enum listed (and those their components hold) the processor generates a codec: no
 * reflection. A listed {@code Serializable} class, and any {@code Serializable} class whose name a
 * SESSION_SERIALIZATION_ALLOW pattern matches ({@code com.acme.Cart}, {@code com.acme.model.*},
 * {@code org.example.**}), is stored by JDK serialization, which reads nothing but these classes (and the JDK's
 * data classes they hold). A pattern that covers the JDK or a library with known deserialization gadgets fails
 * the build. {@code setAttribute} refuses any other value at once, naming the attribute, its class and the
 * setting to add it to. Every stored record is signed with SECRET_KEY, so bytes the application did not write
 * are never decoded.
 *
 * <p>After a deploy that changed a stored class, a value that no longer fits (a record component that changed
 * type, an enum constant or a class that is gone, a changed {@code serialVersionUID}) drops that attribute only,
 * with one log line; a record that gained a component reads it as null or zero. An object read from the session
 * may be changed in place: the change is stored at the end of the request.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SessionConfig {

  /**
   * A configuration for development only. When its {@code SECRET_KEY} is not set at startup, the loader
   * generates a random key for this process and logs a warning, instead of failing: sessions then last only
   * as long as the process. A literal key is still an error.
   */
  boolean development() default false;
}
