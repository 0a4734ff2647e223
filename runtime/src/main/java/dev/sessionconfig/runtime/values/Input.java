package dev.sessionconfig.runtime.values;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads what {@link Bytes} wrote, checking every length against what is left: a count or length that the
 * remaining bytes cannot hold is corruption, found before anything is allocated for it.
 */
final class Input {
  private final byte[] bytes;
  private int position;
  private final int end;

  Input(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  Input(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.position = offset;
    this.end = offset + length;
  }

  int read() throws CorruptValueException {
    if (position >= end) {
      throw new CorruptValueException("the data ends too early");
    }
    return bytes[position++] & 0xFF;
  }

  long unsigned() throws CorruptValueException {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = read();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new CorruptValueException("a number is longer than 64 bits");
  }

  long signed() throws CorruptValueException {
    long raw = unsigned();
    return (raw >>> 1) ^ -(raw & 1);
  }

  int signedInt() throws CorruptValueException {
    long value = signed();
    if (value != (int) value) {
      throw new CorruptValueException("an int is out of range");
    }
    return (int) value;
  }

  /** A count of things that each take at least {@code minBytes}, so the rest of the data must hold them. */
  int count(int minBytes) throws CorruptValueException {
    long count = unsigned();
    if (count > (end - position) / Math.max(1, minBytes)) {
      throw new CorruptValueException("a count of " + count + " is more than the data holds");
    }
    return (int) count;
  }

  long fixed64() throws CorruptValueException {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | read();
    }
    return value;
  }

  byte[] chunk() throws CorruptValueException {
    return take(unsigned());
  }

  /** The next {@code length} bytes. */
  byte[] take(long length) throws CorruptValueException {
    if (length > end - position) {
      throw new CorruptValueException("a length of " + length + " is more than the data holds");
    }
    byte[] chunk = Arrays.copyOfRange(bytes, position, position + (int) length);
    position += (int) length;
    return chunk;
  }

  String text() throws CorruptValueException {
    int length = count(1);
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, position, length)).toString();
      position += length;
      return text;
    } catch (CharacterCodingException e) {
      throw new CorruptValueException("a text is not UTF-8");
    }
  }

  boolean atEnd() {
    return position >= end;
  }
}
