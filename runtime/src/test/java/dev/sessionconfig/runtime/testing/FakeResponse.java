package dev.sessionconfig.runtime.testing;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A response that behaves like a container's where it matters here: a bounded buffer whose overflow, a flush,
 * reaching the Content-Length, sendError or sendRedirect commit it; headers set after the commit are dropped;
 * and the headers as they were at the commit are what the client gets.
 */
public final class FakeResponse extends HttpServletResponseWrapper {
  private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private Map<String, List<String>> sent;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private int buffered;
  private int bufferSize = 8192;
  private long contentLength = -1;
  private int status = 200;
  private final Stream stream = new Stream();
  private final PrintWriter writer = new PrintWriter(new Writer() {
    @Override
    public void write(char[] chars, int offset, int length) {
      byte[] bytes = new String(chars, offset, length).getBytes(StandardCharsets.UTF_8);
      stream.write(bytes, 0, bytes.length);
    }

    @Override
    public void flush() {
      commit();
    }

    @Override
    public void close() {
      commit();
    }
  });

  public FakeResponse() {
    super(Unsupported.of(HttpServletResponse.class));
  }

  /** The headers the client received (those at the commit), or the current ones if not yet committed. */
  public List<String> sentHeaders(String name) {
    Map<String, List<String>> source = sent != null ? sent : headers;
    return List.copyOf(source.getOrDefault(name, List.of()));
  }

  public String body() {
    return body.toString(StandardCharsets.UTF_8);
  }

  public void commit() {
    if (sent == null) {
      sent = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.forEach((name, values) -> sent.put(name, List.copyOf(values)));
    }
  }

  @Override
  public boolean isCommitted() {
    return sent != null;
  }

  @Override
  public void setHeader(String name, String value) {
    if (!isCommitted()) {
      headers.put(name, new ArrayList<>(List.of(value)));
    }
  }

  @Override
  public void addHeader(String name, String value) {
    if (!isCommitted()) {
      headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
  }

  @Override
  public void setIntHeader(String name, int value) {
    setHeader(name, String.valueOf(value));
  }

  @Override
  public void addIntHeader(String name, int value) {
    addHeader(name, String.valueOf(value));
  }

  @Override
  public String getHeader(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  @Override
  public Collection<String> getHeaders(String name) {
    return List.copyOf(headers.getOrDefault(name, List.of()));
  }

  @Override
  public Collection<String> getHeaderNames() {
    return List.copyOf(headers.keySet());
  }

  @Override
  public boolean containsHeader(String name) {
    return headers.containsKey(name);
  }

  @Override
  public void setContentLengthLong(long length) {
    contentLength = length;
  }

  @Override
  public void setContentLength(int length) {
    contentLength = length;
  }

  @Override
  public void setContentType(String type) {
    setHeader("Content-Type", type);
  }

  @Override
  public String getCharacterEncoding() {
    return "UTF-8";
  }

  @Override
  public void setStatus(int status) {
    if (!isCommitted()) {
      this.status = status;
    }
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public int getBufferSize() {
    return bufferSize;
  }

  @Override
  public void setBufferSize(int size) {
    bufferSize = size;
  }

  @Override
  public ServletOutputStream getOutputStream() {
    return stream;
  }

  @Override
  public PrintWriter getWriter() {
    return writer;
  }

  @Override
  public void flushBuffer() {
    commit();
  }

  @Override
  public void sendError(int status) {
    sendError(status, null);
  }

  @Override
  public void sendError(int status, String message) {
    if (isCommitted()) {
      throw new IllegalStateException("committed");
    }
    this.status = status;
    commit();
  }

  @Override
  public void sendRedirect(String location) {
    if (isCommitted()) {
      throw new IllegalStateException("committed");
    }
    status = 302;
    setHeader("Location", location);
    commit();
  }

  @Override
  public void reset() {
    if (isCommitted()) {
      throw new IllegalStateException("committed");
    }
    headers.clear();
    status = 200;
    resetBuffer();
  }

  @Override
  public void resetBuffer() {
    if (isCommitted()) {
      throw new IllegalStateException("committed");
    }
    body.reset();
    buffered = 0;
  }

  private final class Stream extends ServletOutputStream {
    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      // A container sends (commits) the buffer when more than fits is written, or the declared length is reached.
      if (buffered + length > bufferSize) {
        commit();
      }
      body.write(bytes, offset, length);
      buffered += length;
      if (contentLength >= 0 && body.size() >= contentLength) {
        commit();
      }
    }

    @Override
    public void flush() {
      commit();
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw new UnsupportedOperationException();
    }
  }
}
