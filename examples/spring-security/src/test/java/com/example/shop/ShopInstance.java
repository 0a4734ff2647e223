package com.example.shop;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One instance of the shop, a JVM of its own started as production starts it (its main class, the environment
 * holding the settings), on a free port; stopped by {@link #close()}.
 */
final class ShopInstance implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final URI uri;

  private ShopInstance(Process process, Path log, URI uri) {
    this.process = process;
    this.log = log;
    this.uri = uri;
  }

  static ShopInstance start(String name, Map<String, String> environment, Path workDir) throws IOException {
    ShopInstance instance = launch(name, environment, workDir);
    try {
      instance.awaitReady(Duration.ofSeconds(90));
    } catch (RuntimeException | Error e) {
      instance.close();
      throw e;
    }
    return instance;
  }

  /** Starts an instance that is expected to stop by itself; returns its exit code and output. */
  static Map.Entry<Integer, String> runToExit(String name, Map<String, String> environment, Path workDir)
      throws IOException, InterruptedException {
    ShopInstance instance = launch(name, environment, workDir);
    try {
      if (!instance.process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
        throw new AssertionError("the shop did not stop by itself:\n" + instance.log());
      }
      return Map.entry(instance.process.exitValue(), instance.log());
    } finally {
      instance.close();
    }
  }

  private static ShopInstance launch(String name, Map<String, String> environment, Path workDir)
      throws IOException {
    int port = dev.sessionconfig.testing.ServerProcess.freePort();
    Path log = workDir.resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classPath(), ShopApplication.class.getName(),
        "--server.port=" + port, "--server.address=127.0.0.1"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    return new ShopInstance(builder.start(), log, URI.create("http://127.0.0.1:" + port + "/"));
  }

  URI uri() {
    return uri;
  }

  /** The instance's output so far, for a failure message. */
  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("the shop exited with " + process.exitValue() + ":\n" + log());
      }
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri.resolve("/login")).build(),
            HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (ConnectException notYet) {
        // still starting
      } catch (IOException e) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      sleep(200);
    }
    throw new AssertionError("the shop did not answer within " + timeout + ":\n" + log());
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The class path of this test, which holds the shop's classes and every dependency it runs with. */
  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
