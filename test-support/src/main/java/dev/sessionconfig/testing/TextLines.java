package dev.sessionconfig.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reading the line-based replies of the servers' text protocols (memcached's, Redis's simple replies). */
public final class TextLines {
  private TextLines() {}

  /** One line without its line end: CRLF, or a bare LF (memcached's metadump). */
  public static String read(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      if (c != '\r') {
        line.write(c);
      }
    }
    return line.toString(StandardCharsets.UTF_8);
  }
}
