package dev.sessionconfig.runtime.values;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's own types that may live in a session, as a config's {@code SESSION_ATTRIBUTE_TYPES} declares
 * them: a generated codec for each record and enum (and those they contain), and the {@code Serializable}
 * classes stored by JDK serialization. Built by generated loaders.
 */
public final class AttributeTypes {
  private static final AttributeTypes NONE = new AttributeTypes(List.of(), List.of());

  private final List<ValueCodec<?>> codecs;
  private final List<Class<? extends Serializable>> serializable;

  private AttributeTypes(List<ValueCodec<?>> codecs, List<Class<? extends Serializable>> serializable) {
    this.codecs = List.copyOf(codecs);
    this.serializable = List.copyOf(serializable);
  }

  /** No types of the application's own. */
  public static AttributeTypes none() {
    return NONE;
  }

  /** The generated codecs and the declared {@code Serializable} classes. */
  public static AttributeTypes of(List<? extends ValueCodec<?>> codecs,
      List<Class<? extends Serializable>> serializable) {
    return new AttributeTypes(new ArrayList<>(codecs), serializable);
  }

  /**
   * The declared classes as a config class holds them, for a loader generated without the processor's view of
   * SESSION_ATTRIBUTE_TYPES (a compiler without javac's Tree API): only {@code Serializable} classes can be used
   * so; a record or enum needs the codec the processor generates under javac.
   *
   * @throws IllegalArgumentException naming the records and enums that have no codec, or what is not a class
   */
  @SuppressWarnings("unchecked")
  public static AttributeTypes ofClasses(Iterable<?> classes) {
    List<Class<? extends Serializable>> serializable = new ArrayList<>();
    List<String> withoutCodec = new ArrayList<>();
    for (Object item : classes) {
      if (!(item instanceof Class)) {
        throw new IllegalArgumentException("it holds " + (item == null ? "null" : "a " + item.getClass().getName())
            + ", not a class; list classes, e.g. List.of(Cart.class, Role.class)");
      }
      Class<?> type = (Class<?>) item;
      if (type.isRecord() || type.isEnum() || !Serializable.class.isAssignableFrom(type)) {
        withoutCodec.add(type.getName());
      } else {
        serializable.add((Class<? extends Serializable>) type);
      }
    }
    if (!withoutCodec.isEmpty()) {
      throw new IllegalArgumentException(String.join(", ", withoutCodec) + (withoutCodec.size() == 1 ? " has" : " have")
          + " no codec, which the sessionconfig processor generates when it compiles the config class with javac;"
          + " build with javac (a compiler without its Tree API, such as Eclipse's, cannot see the list)");
    }
    return new AttributeTypes(List.of(), serializable);
  }

  List<ValueCodec<?>> codecs() {
    return codecs;
  }

  List<Class<? extends Serializable>> serializable() {
    return serializable;
  }

  /** The declared types' names, for {@code describe()} and logs. */
  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    for (ValueCodec<?> codec : codecs) {
      names.add(codec.type().getName());
    }
    for (Class<?> type : serializable) {
      names.add(type.getName());
    }
    return names.toString();
  }
}
