package dev.sessionconfig.bench.codec;

/** The codecs compared, in the order of the report. */
public enum Codec {
  SESSIONCONFIG("sessionconfig"),
  JDK("JDK serialization"),
  JACKSON("Jackson");

  final String label;

  Codec(String label) {
    this.label = label;
  }

  SessionCodec create() {
    return switch (this) {
      case SESSIONCONFIG -> new SessionconfigCodec();
      case JDK -> new JdkSerializationCodec();
      case JACKSON -> new JacksonCodec();
    };
  }
}
