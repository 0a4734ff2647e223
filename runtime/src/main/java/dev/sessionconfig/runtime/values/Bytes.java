package dev.sessionconfig.runtime.values;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The growable byte buffer values are written into, with the variable-length integers of the format: unsigned
 * LEB128 for lengths and counts, zigzag LEB128 for signed numbers.
 */
final class Bytes {
  private byte[] buffer = new byte[64];
  private int size;

  void write(int b) {
    ensure(1);
    buffer[size++] = (byte) b;
  }

  void write(byte[] bytes) {
    write(bytes, 0, bytes.length);
  }

  void write(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buffer, size, length);
    size += length;
  }

  void unsigned(long value) {
    ensure(10);
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      buffer[size++] = (byte) ((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    buffer[size++] = (byte) rest;
  }

  void signed(long value) {
    unsigned((value << 1) ^ (value >> 63));
  }

  void fixed64(long value) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buffer[size++] = (byte) (value >>> shift);
    }
  }

  /** Length-prefixed UTF-8. */
  void text(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    unsigned(utf8.length);
    write(utf8);
  }

  /** Length-prefixed bytes. */
  void chunk(byte[] bytes) {
    unsigned(bytes.length);
    write(bytes);
  }

  int size() {
    return size;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }
}
