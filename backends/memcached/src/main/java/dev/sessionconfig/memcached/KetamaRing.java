package dev.sessionconfig.memcached;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Consistent hashing in the ketama manner (libketama, and the memcached clients that followed it): each server
 * takes 160 points on a ring of 32-bit values, four from each MD5 digest of {@code "<host:port>-<n>"} for n from 0
 * to 39; a key belongs to the first server point at or after the key's own hash (the first four bytes of its MD5),
 * wrapping around. So:
 *
 * <ul>
 *   <li>the placement depends only on the set of servers, not on the order SESSION_MEMCACHED lists them in, so
 *       every application instance configured with the same servers finds a session on the same one;
 *   <li>adding or removing one of n servers moves about 1/n of the sessions, not nearly all of them as
 *       {@code hash % n} would;
 *   <li>a server that is down keeps its keys. Clients that skip it (Folsom's own ring does) move its sessions to
 *       another server for the duration of the outage, and when it comes back the old copies it still holds are
 *       served again: a session logged out meanwhile would come back to life. Failing those requests is the
 *       safe choice for sessions.
 * </ul>
 *
 * <p>MD5 is used as a hash function only (spreading keys), not for anything that needs to be secret or unforgeable.
 *
 * @param <T> what a server is to the caller
 */
final class KetamaRing<T> {
  private static final int DIGESTS_PER_SERVER = 40;
  private static final int POINTS_PER_DIGEST = 4;

  private final TreeMap<Long, T> ring = new TreeMap<>();

  /** @param servers each server by its {@code host:port} */
  KetamaRing(Map<String, T> servers) {
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("a ring needs at least one server");
    }
    // Sorted, so that when two servers' points collide the same one wins whatever the configured order.
    for (Map.Entry<String, T> server : new TreeMap<>(servers).entrySet()) {
      for (int n = 0; n < DIGESTS_PER_SERVER; n++) {
        byte[] digest = md5((server.getKey() + "-" + n).getBytes(StandardCharsets.UTF_8));
        for (int point = 0; point < POINTS_PER_DIGEST; point++) {
          ring.putIfAbsent(point(digest, point), server.getValue());
        }
      }
    }
  }

  /** The server that holds {@code key}. */
  T serverFor(byte[] key) {
    Map.Entry<Long, T> entry = ring.ceilingEntry(point(md5(key), 0));
    return (entry != null ? entry : ring.firstEntry()).getValue();
  }

  /** The unsigned little-endian 32-bit value at bytes {@code 4 * index} to {@code 4 * index + 3}. */
  private static long point(byte[] digest, int index) {
    int offset = index * 4;
    return (digest[offset + 3] & 0xFFL) << 24 | (digest[offset + 2] & 0xFFL) << 16
        | (digest[offset + 1] & 0xFFL) << 8 | (digest[offset] & 0xFFL);
  }

  private static byte[] md5(byte[] bytes) {
    try {
      return MessageDigest.getInstance("MD5").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has MD5", e);
    }
  }
}
