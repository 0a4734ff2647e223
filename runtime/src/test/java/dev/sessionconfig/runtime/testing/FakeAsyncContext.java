package dev.sessionconfig.runtime.testing;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** An async cycle as a container runs it: complete() commits the real response, then tells the listeners. */
final class FakeAsyncContext implements AsyncContext {
  private final ServletRequest request;
  private final ServletResponse response;
  private final List<AsyncListener> listeners = new ArrayList<>();
  boolean completed;

  FakeAsyncContext(ServletRequest request, ServletResponse response) {
    this.request = request;
    this.response = response;
  }

  @Override
  public void complete() {
    completed = true;
    ServletResponse real = response;
    while (real instanceof ServletResponseWrapper && !(real instanceof FakeResponse)) {
      real = ((ServletResponseWrapper) real).getResponse();
    }
    ((FakeResponse) real).commit(); // the container completes the response it holds, past every wrapper
    for (AsyncListener listener : listeners) {
      try {
        listener.onComplete(new AsyncEvent(this, request, response));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public ServletRequest getRequest() {
    return request;
  }

  @Override
  public ServletResponse getResponse() {
    return response;
  }

  @Override
  public boolean hasOriginalRequestAndResponse() {
    return false;
  }

  @Override
  public void addListener(AsyncListener listener) {
    listeners.add(listener);
  }

  @Override
  public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) {
    listeners.add(listener);
  }

  @Override
  public void dispatch() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void dispatch(String path) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void dispatch(ServletContext context, String path) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void start(Runnable run) {
    run.run();
  }

  @Override
  public <T extends AsyncListener> T createListener(Class<T> type) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setTimeout(long timeout) {}

  @Override
  public long getTimeout() {
    return 30_000;
  }
}
