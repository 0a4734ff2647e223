package dev.sessionconfig.quickstart;

import dev.sessionconfig.runtime.metrics.StoreHealth;
import dev.sessionconfig.runtime.servlet.SessionInterface;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * The routes of Flask-Session's own test application, on the standard HttpSession API, and a few more to try what
 * sessions promise: who logged in, a counter for parallel requests, a value too large for a session, the store's
 * health.
 */
public final class RoutesServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final long MAX_PAUSE_MILLIS = 10_000;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    switch (request.getServletPath()) {
      case "/":
        reply(response, "hello world"); // never touches the session: no cookie, no Vary, no store call
        break;
      case "/get":
        HttpSession session = request.getSession(false);
        Object value = session == null ? null : session.getAttribute("value");
        reply(response, value == null ? "no value set" : value.toString());
        break;
      case "/user":
        HttpSession current = request.getSession(false);
        Object user = current == null ? null : current.getAttribute("user");
        reply(response, user == null ? "anonymous" : user.toString());
        break;
      case "/health":
        // What a load balancer's health check asks: 200 while the store answers, 503 with the reason otherwise.
        StoreHealth health = ((SessionInterface) getServletContext().getAttribute(SessionInterface.class.getName()))
            .health();
        response.setStatus(health.up() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        reply(response, health.up() ? "up: " + health.store() : "down: " + health.detail());
        break;
      default:
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    switch (request.getServletPath()) {
      case "/set":
      case "/modify":
        request.getSession().setAttribute("value", request.getParameter("value"));
        reply(response, "value set");
        break;
      case "/delete":
        request.getSession().removeAttribute("value");
        reply(response, "value deleted");
        break;
      case "/login":
        request.getSession();
        request.changeSessionId(); // a new id at every change of privilege: no session fixation
        request.getSession().setAttribute("user", request.getParameter("user"));
        reply(response, "logged in");
        break;
      case "/increment":
        increment(request, response);
        break;
      case "/upload":
        try {
          request.getSession().setAttribute("upload", "u".repeat(Integer.parseInt(request.getParameter("bytes"))));
          reply(response, "stored");
        } catch (IllegalArgumentException e) { // a value the session cannot hold is refused when it is set
          reply(response, "refused: " + e.getMessage());
        }
        break;
      case "/logout":
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
        reply(response, "logged out");
        break;
      default:
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  /**
   * Reads the counter, waits the pause if one is asked for (a slow request, to watch parallel requests on one
   * session), stores the counter plus one and answers it.
   */
  private static void increment(HttpServletRequest request, HttpServletResponse response) throws IOException {
    HttpSession session = request.getSession();
    String counter = request.getParameter("counter");
    Object value = session.getAttribute(counter);
    String pause = request.getParameter("pause");
    if (pause != null) {
      try {
        Thread.sleep(Math.min(Long.parseLong(pause), MAX_PAUSE_MILLIS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    int next = (value instanceof Integer ? (Integer) value : 0) + 1;
    session.setAttribute(counter, next);
    reply(response, Integer.toString(next));
  }

  private static void reply(HttpServletResponse response, String text) throws IOException {
    response.setContentType("text/plain;charset=utf-8");
    response.getWriter().print(text);
  }
}
