package dev.sessionconfig.runtime.session;

import dev.sessionconfig.runtime.Secret;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under SECRET_KEY, which signs, and SECRET_KEY_FALLBACKS, which still verify during a key rotation.
 * Shared by the cookie signature and the stored records' signatures.
 */
final class SigningKeys {
  private static final String ALGORITHM = "HmacSHA256";

  /** The signing key first, then the fallbacks in their configured order. */
  private final List<SecretKeySpec> keys = new ArrayList<>();
  /**
   * Initialized MACs ready for reuse, one queue per key: a Mac is not thread-safe, and making one per signed entry
   * (provider lookup and key schedule) cost a large part of reading a session. A request takes one and puts it back;
   * they go with this object, key material included.
   */
  private final List<Queue<Mac>> idle = new ArrayList<>();

  SigningKeys(Secret key, List<Secret> fallbacks) {
    keys.add(new SecretKeySpec(key.bytes(), ALGORITHM));
    for (Secret fallback : fallbacks) {
      keys.add(new SecretKeySpec(fallback.bytes(), ALGORITHM));
    }
    for (int i = 0; i < keys.size(); i++) {
      idle.add(new ConcurrentLinkedQueue<>());
    }
  }

  /** How many keys verify: the signing key and the fallbacks. */
  int count() {
    return keys.size();
  }

  /** The MAC of {@code parts} under key {@code index} (0 signs), each part length-prefixed: no two inputs collide. */
  byte[] mac(int index, byte[]... parts) {
    Mac mac = take(index);
    try {
      byte[] length = new byte[4];
      for (byte[] part : parts) {
        length[0] = (byte) (part.length >>> 24);
        length[1] = (byte) (part.length >>> 16);
        length[2] = (byte) (part.length >>> 8);
        length[3] = (byte) part.length;
        mac.update(length);
        mac.update(part);
      }
      return mac.doFinal();
    } finally {
      release(index, mac);
    }
  }

  /** The plain MAC of {@code data} under key {@code index}, as the cookie signature has always been. */
  byte[] plainMac(int index, byte[] data) {
    Mac mac = take(index);
    try {
      return mac.doFinal(data);
    } finally {
      release(index, mac);
    }
  }

  private Mac take(int index) {
    Mac mac = idle.get(index).poll();
    return mac != null ? mac : newMac(keys.get(index));
  }

  private void release(int index, Mac mac) {
    mac.reset(); // doFinal resets it too; an exception half way must not leave input behind
    idle.get(index).offer(mac);
  }

  /** Whether {@code expected} is the MAC of {@code parts} under any key; compared in constant time. */
  boolean verifies(byte[] expected, byte[]... parts) {
    for (int i = 0; i < keys.size(); i++) {
      if (MessageDigest.isEqual(mac(i, parts), expected)) {
        return true;
      }
    }
    return false;
  }

  private static Mac newMac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
    }
  }
}
