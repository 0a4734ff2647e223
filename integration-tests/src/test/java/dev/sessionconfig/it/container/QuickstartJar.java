package dev.sessionconfig.it.container;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar quickstart.jar} ({@code examples/quickstart/target/quickstart.jar}, as the README's commands start
 * it) as a process of its own, with exactly the session variables given and nothing of the developer's environment
 * that picks a store or a config; stopped when closed. Its embedded Jetty 12 serves the quickstart's routes.
 */
public final class QuickstartJar implements Container {
  private static final Pattern READY = Pattern.compile("Quickstart ready on (http://\\S+)");

  private final Process process;
  private final StringBuffer output = new StringBuffer();
  private final CompletableFuture<URI> ready = new CompletableFuture<>();
  private URI uri;

  private QuickstartJar(Map<String, String> env) throws IOException {
    String path = System.getProperty("quickstart.jar");
    if (path == null || !Files.isRegularFile(Path.of(path))) {
      fail("no quickstart jar at " + path + ": package examples/quickstart first (./test.sh, or mvn install)");
    }
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", path);
    builder.environment().keySet().removeIf(name -> name.startsWith("SESSION_") || List.of("SECRET_KEY",
        "SECRET_KEY_FALLBACKS", "APP_ENV", "PORT", "COOKIE_SECURE").contains(name));
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    process = builder.start();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = lines.readLine()) != null; ) {
          output.append(line).append('\n');
          Matcher matcher = READY.matcher(line);
          if (matcher.find()) {
            ready.complete(URI.create(matcher.group(1)));
          }
        }
      } catch (IOException e) {
        ready.completeExceptionally(e);
      }
      ready.completeExceptionally(new IllegalStateException("the quickstart exited"));
    }, "quickstart-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the jar with {@code env} and waits until it serves requests; fails the test when it does not. */
  public static QuickstartJar start(Map<String, String> env) {
    QuickstartJar jar;
    try {
      jar = new QuickstartJar(env);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      jar.uri = jar.ready.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      jar.close();
      fail("the quickstart did not start with " + env.keySet() + ": " + e + "\n" + jar.output());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      jar.close();
      fail("interrupted while the quickstart started");
    }
    return jar;
  }

  /** Everything the process printed so far, standard error included. */
  public String output() {
    return output.toString();
  }

  /** Whether the process still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The quickstart's embedded Jetty 12. */
  @Override
  public ContainerKind kind() {
    return ContainerKind.JETTY;
  }

  @Override
  public URI baseUri() {
    return uri;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
