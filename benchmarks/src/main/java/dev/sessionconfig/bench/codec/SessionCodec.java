package dev.sessionconfig.bench.codec;

/** Turns one session attribute's value into the bytes a store keeps, and back. */
interface SessionCodec {
  byte[] encode(String attribute, Object value) throws Exception;

  Object decode(String attribute, byte[] stored) throws Exception;
}
