package dev.sessionconfig.quickstart;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** The routes of Flask-Session's own test application, on the standard HttpSession API. */
public final class RoutesServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

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

  private static void reply(HttpServletResponse response, String text) throws IOException {
    response.setContentType("text/plain;charset=utf-8");
    response.getWriter().print(text);
  }
}
