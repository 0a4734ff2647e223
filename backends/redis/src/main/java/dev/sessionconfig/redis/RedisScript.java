package dev.sessionconfig.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script the store runs in Redis, sent by its SHA-1 ({@code EVALSHA}) so that a request carries the
 * script's arguments and not its text. Redis forgets scripts when it restarts, fails over or is told
 * {@code SCRIPT FLUSH}: the script is then sent whole ({@code EVAL}, which caches it again), on the same
 * connection, within the same call.
 */
final class RedisScript {
  private final byte[] source;
  private final byte[] sha1;

  RedisScript(String source) {
    this.source = source.getBytes(StandardCharsets.UTF_8);
    this.sha1 = HexFormat.of().formatHex(sha1(this.source)).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Runs the script and returns its reply: integers as {@code Long}, strings as {@code byte[]}, arrays as
   * {@code List}.
   *
   * @param action what the script does, for messages: {@code "write a session"}
   * @param keys the keys it names: in a Redis Cluster, all of one slot
   * @throws dev.sessionconfig.runtime.store.SessionStoreException when Redis cannot be reached or the script fails
   */
  Object run(RedisConnections redis, String action, List<byte[]> keys, List<byte[]> args) {
    return redis.exchange(action, keys.get(0), (connection, commands) -> {
      try {
        return connection.executeCommand(commands.evalsha(sha1, keys, args));
      } catch (JedisNoScriptException e) {
        // NOSCRIPT: Redis ran nothing, so sending the script itself now runs it exactly once.
        return connection.executeCommand(commands.eval(source, keys, args));
      }
    });
  }

  private static byte[] sha1(byte[] text) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(text);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-1", e);
    }
  }
}
