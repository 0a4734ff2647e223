package dev.sessionconfig.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Also the JUnit 5 extension use: started before the class, closed after it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MemcachedServerTest {
  @RegisterExtension static final MemcachedServer memcached = MemcachedServer.create();

  @Test
  @Order(1)
  void isStartedBeforeTheTestsAndAnswers() {
    assertTrue(memcached.isRunning());
    assertNotEquals(11211, memcached.port());
    assertEquals("127.0.0.1:" + memcached.port(), memcached.address());
    assertTrue(memcached.version().matches("\\d+\\.\\d+.*"), memcached.version());
    assertEquals(List.of("STORED"), memcached.command("set k 0 60 1\r\nv"));
    assertEquals(List.of("VALUE k 0 1", "v", "END"), memcached.command("get k"));
    assertEquals("1", memcached.stats().get("curr_items"));
  }

  @Test
  @Order(2)
  void restartsOnTheSamePortEmpty() {
    int port = memcached.port();
    memcached.stop();
    assertFalse(Ports.listening(port), "stopped, yet port " + port + " answers");
    memcached.start();
    assertEquals(port, memcached.port());
    assertEquals(List.of("END"), memcached.command("get k"));
    memcached.flushAll();
    assertEquals("0", memcached.stats().get("curr_items"));
  }
}
