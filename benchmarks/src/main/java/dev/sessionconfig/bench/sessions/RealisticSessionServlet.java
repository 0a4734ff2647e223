package dev.sessionconfig.bench.sessions;

import dev.sessionconfig.bench.codec.SampleSession;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /realistic}, added beside the quickstart's routes for both session variants: {@code POST} stores the
 * {@link SampleSession} (a logged-in Spring Security context and a 20-line cart) in the client's session, once,
 * before anything is measured, so that every {@code /get} then reads, and every {@code /set} writes, a realistic
 * session; {@code GET} answers whether the session still holds exactly that, checked after the measured phases.
 */
public final class RealisticSessionServlet extends HttpServlet {
  static final String PATH = "/realistic";
  static final String STORED = "realistic session stored";
  static final String INTACT = "realistic session intact";

  private static final long serialVersionUID = 1L;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    HttpSession session = request.getSession();
    SampleSession.attributes().forEach(session::setAttribute);
    reply(response, STORED);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    HttpSession session = request.getSession(false);
    if (session == null) {
      reply(response, "no session");
      return;
    }
    StringBuilder changed = new StringBuilder();
    for (Map.Entry<String, Object> expected : SampleSession.attributes().entrySet()) {
      if (!Objects.equals(session.getAttribute(expected.getKey()), expected.getValue())) {
        changed.append(changed.length() == 0 ? "changed: " : ", ").append(expected.getKey());
      }
    }
    reply(response, changed.length() == 0 ? INTACT : changed.toString());
  }

  private static void reply(HttpServletResponse response, String text) throws IOException {
    response.setContentType("text/plain;charset=utf-8");
    response.getWriter().print(text);
  }
}
