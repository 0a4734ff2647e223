package dev.sessionconfig.bench.sessions;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Counters in the session, added beside the quickstart's routes for both session variants, for the contended
 * workload: {@code POST /increment?name=c3} reads the attribute {@code c3} (an {@code Integer}, absent as 0), adds
 * one, sets it and answers the new value; {@code GET /counter?name=c3} answers the value.
 */
public final class CounterServlet extends HttpServlet {
  static final String INCREMENT = "/increment";
  static final String COUNTER = "/counter";

  private static final long serialVersionUID = 1L;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    HttpSession session = session(request, response, INCREMENT);
    if (session == null) {
      return;
    }
    String name = request.getParameter("name");
    int next = value(session, name) + 1;
    session.setAttribute(name, next);
    reply(response, Integer.toString(next));
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    HttpSession session = session(request, response, COUNTER);
    if (session == null) {
      return;
    }
    reply(response, Integer.toString(value(session, request.getParameter("name"))));
  }

  /** The request's session when it has one and asks for {@code path}; else null, the error already sent. */
  private static HttpSession session(HttpServletRequest request, HttpServletResponse response, String path)
      throws IOException {
    HttpSession session = request.getSession(false);
    if (session == null || !request.getServletPath().equals(path)) {
      response.sendError(session == null ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_NOT_FOUND);
      return null;
    }
    return session;
  }

  private static int value(HttpSession session, String name) {
    Object value = session.getAttribute(name);
    return value == null ? 0 : (Integer) value;
  }

  private static void reply(HttpServletResponse response, String text) throws IOException {
    response.setContentType("text/plain;charset=utf-8");
    response.getWriter().print(text);
  }
}
