package com.example.shop;

import dev.sessionconfig.testing.PostgresServer;
import java.util.Map;

/** The two instances on one real PostgreSQL server, through the JDBC store. */
class PostgresTwoInstancesTest extends TwoInstancesContract {
  private PostgresServer postgres;

  @Override
  Map<String, String> startStore() {
    postgres = PostgresServer.create().start();
    return Map.of("SESSION_TYPE", "jdbc", "SESSION_JDBC_URL", postgres.jdbcUrl(), "SESSION_JDBC_USER",
        postgres.user(), "SESSION_JDBC_PASSWORD", postgres.password());
  }

  @Override
  void stopStore() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  String storeTag() {
    return "jdbc";
  }
}
