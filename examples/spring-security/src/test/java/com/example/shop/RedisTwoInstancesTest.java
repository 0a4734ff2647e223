package com.example.shop;

import dev.sessionconfig.testing.RedisServer;
import java.util.Map;

/** The two instances on one real redis-server. */
class RedisTwoInstancesTest extends TwoInstancesContract {
  private RedisServer redis;

  @Override
  Map<String, String> startStore() {
    redis = RedisServer.create().start();
    return Map.of("SESSION_TYPE", "redis", "SESSION_REDIS", redis.url());
  }

  @Override
  void stopStore() {
    if (redis != null) {
      redis.close();
    }
  }

  @Override
  String storeTag() {
    return "redis";
  }
}
