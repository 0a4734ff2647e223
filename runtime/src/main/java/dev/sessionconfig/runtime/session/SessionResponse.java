package dev.sessionconfig.runtime.session;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The response the application sees: commits the session (store write, Set-Cookie, Vary) just before the
 * container would commit the response, after which headers can no longer be added. That moment comes with
 * {@code flushBuffer}, {@code sendError}, {@code sendRedirect}, a flush or close of the body stream or writer,
 * and a write that fills the buffer or reaches the declared Content-Length. Writer characters are counted as
 * three bytes each (UTF-8's most for one {@code char}), so the session may commit a little early, never late.
 * The same idea as Spring Session's OnCommittedResponseWrapper.
 */
final class SessionResponse extends HttpServletResponseWrapper {
  private static final int MAX_BYTES_PER_CHAR = 3;

  private final RequestSessions sessions;
  private long contentLength = -1;
  private long written;
  private ServletOutputStream stream;
  private PrintWriter writer;

  SessionResponse(HttpServletResponse response, RequestSessions sessions) {
    super(response);
    this.sessions = sessions;
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (stream == null) {
      stream = new GuardedStream(super.getOutputStream());
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (writer == null) {
      writer = new PrintWriter(new GuardedWriter(super.getWriter()));
    }
    return writer;
  }

  @Override
  public void flushBuffer() throws IOException {
    sessions.commit();
    super.flushBuffer();
  }

  @Override
  public void sendError(int status) throws IOException {
    sessions.commit();
    super.sendError(status);
  }

  @Override
  public void sendError(int status, String message) throws IOException {
    sessions.commit();
    super.sendError(status, message);
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    sessions.commit();
    super.sendRedirect(location);
  }

  @Override
  public void sendRedirect(String location, int status) throws IOException {
    sessions.commit();
    super.sendRedirect(location, status);
  }

  @Override
  public void sendRedirect(String location, boolean clearBuffer) throws IOException {
    sessions.commit();
    super.sendRedirect(location, clearBuffer);
  }

  @Override
  public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
    sessions.commit();
    super.sendRedirect(location, status, clearBuffer);
  }

  @Override
  public void setContentLength(int length) {
    setContentLengthLong(length);
  }

  @Override
  public void setContentLengthLong(long length) {
    contentLength = length;
    super.setContentLengthLong(length);
  }

  @Override
  public void setHeader(String name, String value) {
    trackContentLength(name, value);
    super.setHeader(name, value);
  }

  @Override
  public void addHeader(String name, String value) {
    trackContentLength(name, value);
    super.addHeader(name, value);
  }

  @Override
  public void setIntHeader(String name, int value) {
    trackContentLength(name, String.valueOf(value));
    super.setIntHeader(name, value);
  }

  @Override
  public void addIntHeader(String name, int value) {
    trackContentLength(name, String.valueOf(value));
    super.addIntHeader(name, value);
  }

  @Override
  public void reset() {
    super.reset();
    written = 0;
    contentLength = -1;
    sessions.responseReset();
  }

  @Override
  public void resetBuffer() {
    super.resetBuffer();
    written = 0;
  }

  private void trackContentLength(String name, String value) {
    if ("Content-Length".equalsIgnoreCase(name)) {
      try {
        contentLength = Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        contentLength = -1;
      }
    }
  }

  /** Called before {@code bytes} more bytes go to the container: commits first when they would commit it. */
  private void beforeWrite(long bytes) {
    written += bytes;
    long limit = getBufferSize();
    if (contentLength >= 0) {
      limit = Math.min(limit, contentLength);
    }
    if (written >= limit) {
      sessions.commit();
    }
  }

  private final class GuardedStream extends ServletOutputStream {
    private final ServletOutputStream delegate;

    GuardedStream(ServletOutputStream delegate) {
      this.delegate = delegate;
    }

    @Override
    public void write(int b) throws IOException {
      beforeWrite(1);
      delegate.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      beforeWrite(length);
      delegate.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      sessions.commit();
      delegate.flush();
    }

    @Override
    public void close() throws IOException {
      sessions.commit();
      delegate.close();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      delegate.setWriteListener(listener);
    }
  }

  private final class GuardedWriter extends Writer {
    private final PrintWriter delegate;

    GuardedWriter(PrintWriter delegate) {
      this.delegate = delegate;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      beforeWrite((long) length * MAX_BYTES_PER_CHAR);
      delegate.write(chars, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) {
      beforeWrite((long) length * MAX_BYTES_PER_CHAR);
      delegate.write(text, offset, length);
    }

    @Override
    public void write(int c) {
      beforeWrite(MAX_BYTES_PER_CHAR);
      delegate.write(c);
    }

    @Override
    public void flush() {
      sessions.commit();
      delegate.flush();
    }

    @Override
    public void close() {
      sessions.commit();
      delegate.close();
    }
  }
}
