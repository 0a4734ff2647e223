package dev.sessionconfig.bench.sessions;

import java.io.Closeable;
import java.io.IOException;

/**
 * One simulated user: a connection and a session cookie of its own, and the value its session must hold, so
 * every answer is checked against what this user last stored.
 */
final class SessionClient implements Closeable {
  private final HttpConnection connection;
  private final String name;
  private final boolean sessions;
  private String cookie;
  private String storedValue;
  private long writes;

  private SessionClient(HttpConnection connection, String name, boolean sessions) {
    this.connection = connection;
    this.name = name;
    this.sessions = sessions;
  }

  /**
   * Connects to {@code port} and creates the user's session with a first {@code POST /set}; with sessions, then
   * fills it with the realistic session ({@code POST /realistic}: a Spring Security login and a cart).
   */
  static SessionClient start(int port, int index, boolean sessions) throws IOException {
    SessionClient client = new SessionClient(new HttpConnection(port), "c" + index, sessions);
    String problem = client.call(Workload.WRITE);
    if (problem == null && sessions && client.cookie == null) {
      problem = "no session cookie after the first POST /set";
    }
    if (problem == null && sessions) {
      problem = check(client.send("POST", RealisticSessionServlet.PATH), RealisticSessionServlet.STORED);
    }
    if (problem != null) {
      client.close();
      throw new IllegalStateException(client.name + ": " + problem);
    }
    return client;
  }

  /**
   * Another user agent on {@code owner}'s session: a connection of its own, {@code owner}'s cookie (as a browser's
   * parallel requests, or its tabs, share one).
   */
  static SessionClient sharing(int port, int index, SessionClient owner) throws IOException {
    SessionClient client = new SessionClient(new HttpConnection(port), "c" + index, owner.sessions);
    client.cookie = owner.cookie;
    return client;
  }

  /**
   * {@code POST /increment?name=counter}: null when the answer is a count, else what is wrong with it (the value
   * itself cannot be checked: other clients change the session meanwhile).
   */
  String increment(String counter) throws IOException {
    HttpConnection.Response response = send("POST", CounterServlet.INCREMENT + "?name=" + counter);
    return response.status() == 200 && response.body().matches("[0-9]+") ? null
        : name + ": expected 200 and a count, got " + response.status() + " '" + response.body() + "'";
  }

  /** {@code GET /counter?name=counter}: the count the session holds. */
  long counter(String counter) throws IOException {
    HttpConnection.Response response = send("GET", CounterServlet.COUNTER + "?name=" + counter);
    if (response.status() != 200 || !response.body().matches("[0-9]+")) {
      throw new IllegalStateException(name + ": expected 200 and a count, got " + response.status() + " '"
          + response.body() + "'");
    }
    return Long.parseLong(response.body());
  }

  /** Sends one request of {@code workload}: null when the answer is right, else what is wrong with it. */
  String call(Workload workload) throws IOException {
    return switch (workload) {
      case READ -> check(send("GET", "/get"), sessions ? storedValue : Workload.NO_VALUE);
      case WRITE -> {
        String value = name + "-" + ++writes; // a new value each time: the store really has to write it
        String problem = check(send("POST", "/set?value=" + value), Workload.VALUE_SET);
        if (problem == null) {
          storedValue = value;
        }
        yield problem;
      }
    };
  }

  /**
   * Whether the session still holds the realistic session it was given, unchanged by the writes of the value
   * beside it: null when it does, else what is wrong.
   */
  String checkRealistic() throws IOException {
    String problem = check(send("GET", RealisticSessionServlet.PATH), RealisticSessionServlet.INTACT);
    return problem == null ? null : name + ": " + problem;
  }

  private HttpConnection.Response send(String method, String target) throws IOException {
    HttpConnection.Response response = connection.exchange(method, target, cookie);
    if (response.setCookie() != null) {
      cookie = response.setCookie(); // like a browser: the latest cookie wins
    }
    return response;
  }

  private static String check(HttpConnection.Response response, String expected) {
    return response.status() == 200 && response.body().equals(expected) ? null
        : "expected 200 '" + expected + "', got " + response.status() + " '" + response.body() + "'";
  }

  @Override
  public void close() throws IOException {
    connection.close();
  }
}
