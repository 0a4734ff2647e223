package dev.sessionconfig.bench.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/**
 * Plain JDK serialization, one stream per attribute, as Spring Session's default serializer stores them: no
 * deserialization filter, so it does less checking than sessionconfig's reads.
 */
final class JdkSerializationCodec implements SessionCodec {
  @Override
  public byte[] encode(String attribute, Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toByteArray();
  }

  @Override
  public Object decode(String attribute, byte[] stored) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
      return in.readObject();
    }
  }
}
