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
