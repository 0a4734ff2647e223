package dev.sessionconfig.bench.sessions;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The no-session baseline: the quickstart's {@code /get} and {@code /set} answers without any session, so the
 * other variants' figures show what sessions add to the same container and client.
 */
public final class BaselineServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    reply(response, Workload.NO_VALUE);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    reply(response, Workload.VALUE_SET);
  }

  private static void reply(HttpServletResponse response, String text) throws IOException {
    response.setContentType("text/plain;charset=utf-8");
    response.getWriter().print(text);
  }
}
