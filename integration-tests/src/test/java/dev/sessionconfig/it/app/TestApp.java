package dev.sessionconfig.it.app;

import dev.sessionconfig.it.app.values.Cart;
import dev.sessionconfig.it.app.values.Item;
import dev.sessionconfig.it.app.values.Samples;
import dev.sessionconfig.runtime.metrics.StoreHealth;
import dev.sessionconfig.runtime.servlet.SessionInterface;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The application under test: the routes of SPEC section 8, which mirror Flask-Session's own test app, written
 * against nothing but the standard Servlet API ({@code request.getSession()}, {@code HttpSession}), plus
 * {@code GET /user} to read what {@code /login} stored.
 */
public final class TestApp {
  private TestApp() {}

  /** Each route's path and servlet, for a container to register. */
  public static Map<String, HttpServlet> servlets() {
    Map<String, HttpServlet> servlets = new LinkedHashMap<>();
    servlets.put("/", new Hello());
    servlets.put("/set", new SetValue());
    servlets.put("/modify", new SetValue());
    servlets.put("/delete", new DeleteValue());
    servlets.put("/get", new GetValue());
    servlets.put("/login", new Login());
    servlets.put("/logout", new Logout());
    servlets.put("/user", new User());
    servlets.put("/increment", new Increment());
    servlets.put("/upload", new Upload());
    servlets.put("/health", new Health());
    servlets.put("/values/store", new StoreValues());
    servlets.put("/values/check", new CheckValues());
    servlets.put("/values/mutate", new MutateValues());
    servlets.put("/values/names", new ValueNames());
    return servlets;
  }

  static void reply(HttpServletResponse response, String text) throws IOException {
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().write(text);
  }

  /** {@code GET /}: never touches the session. */
  static final class Hello extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      reply(response, "hello world");
    }
  }

  /** {@code POST /set} and {@code POST /modify}: {@code session["value"] = form["value"]}. */
  static final class SetValue extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
      request.getSession().setAttribute("value", request.getParameter("value"));
      reply(response, "value set");
    }
  }

  /** {@code POST /delete}: {@code del session["value"]}. */
  static final class DeleteValue extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
      request.getSession().removeAttribute("value");
      reply(response, "value deleted");
    }
  }

  /** {@code GET /get}: {@code session.get("value", "no value set")}. */
  static final class GetValue extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      Object value = request.getSession().getAttribute("value");
      reply(response, value == null ? "no value set" : value.toString());
    }
  }

  /** {@code POST /login} (form {@code user}): renews the session id, then stores the user. */
  static final class Login extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
      request.getSession();
      request.changeSessionId();
      request.getSession().setAttribute("user", request.getParameter("user"));
      reply(response, "logged in");
    }
  }

  /**
   * {@code POST /increment} (form {@code counter}, optional {@code pause} in ms): reads the counter, waits the
   * pause, stores the counter plus one and replies with it: a read-modify-write, as applications write them.
   */
  static final class Increment extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
      HttpSession session = request.getSession();
      String counter = request.getParameter("counter");
      Object value = session.getAttribute(counter);
      String pause = request.getParameter("pause");
      if (pause != null) {
        try {
          Thread.sleep(Long.parseLong(pause));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      int next = (value == null ? 0 : (Integer) value) + 1;
      session.setAttribute(counter, next);
      reply(response, Integer.toString(next));
    }
  }

  /**
   * {@code POST /upload} (form {@code bytes}): stores that many bytes of text in the session as {@code upload}, or
   * replies why the session refused them.
   */
  static final class Upload extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
      try {
        request.getSession().setAttribute("upload", "u".repeat(Integer.parseInt(request.getParameter("bytes"))));
        reply(response, "stored");
      } catch (IllegalArgumentException e) {
        reply(response, "refused: " + e.getMessage());
      }
    }
  }

  /** {@code POST /logout}: invalidates the session. */
  static final class Logout extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      reply(response, "logged out");
    }
  }

  /**
   * {@code GET /health}: the session store's health, as an application's health endpoint would show it: 200
   * {@code up: <store>}, or 503 {@code down: <why>}. Never touches the session.
   */
  static final class Health extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      SessionInterface sessions =
          (SessionInterface) request.getServletContext().getAttribute(SessionInterface.class.getName());
      StoreHealth health = sessions.health();
      response.setStatus(health.up() ? 200 : 503);
      reply(response, (health.up() ? "up: " + health.store() : "down: " + health.detail()));
    }
  }

  /** {@code GET /user}: who logged in, or {@code anonymous}. */
  static final class User extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      Object user = request.getSession().getAttribute("user");
      reply(response, user == null ? "anonymous" : user.toString());
    }
  }

  /** {@code POST /values/store}: one attribute of every kind a session stores ({@link Samples}). */
  static final class StoreValues extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
      HttpSession session = request.getSession();
      Samples.all().forEach(session::setAttribute);
      reply(response, "stored");
    }
  }

  /**
   * {@code GET /values/check}: {@code ok} when every attribute of {@link Samples} reads back equal and of the same
   * class (arrays compared deeply), else the names that do not, with the classes read.
   */
  static final class CheckValues extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      HttpSession session = request.getSession();
      List<String> wrong = new ArrayList<>();
      for (Map.Entry<String, Object> expected : Samples.all().entrySet()) {
        Object actual = session.getAttribute(expected.getKey());
        if (actual == null || actual.getClass() != expected.getValue().getClass()
            || !Objects.deepEquals(expected.getValue(), actual)) {
          wrong.add(expected.getKey() + " (" + (actual == null ? "missing" : actual.getClass().getName()) + ")");
        }
      }
      reply(response, wrong.isEmpty() ? "ok" : "differs: " + String.join(", ", wrong));
    }
  }

  /** {@code POST /values/mutate}: changes objects read from the session in place, without setAttribute. */
  static final class MutateValues extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    @SuppressWarnings("unchecked")
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
      HttpSession session = request.getSession();
      ((List<Object>) session.getAttribute("list")).add("added in place");
      ((Cart) session.getAttribute("cart")).items().add(new Item("SKU-21", 1, java.math.BigDecimal.TEN));
      reply(response, "mutated");
    }
  }

  /** {@code GET /values/names}: the session's attribute names, sorted, and the size of the cart and list. */
  static final class ValueNames extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    @SuppressWarnings("unchecked")
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      HttpSession session = request.getSession();
      List<String> names = new ArrayList<>(Collections.list(session.getAttributeNames()));
      Collections.sort(names);
      Object cart = session.getAttribute("cart");
      Object list = session.getAttribute("list");
      reply(response, names + " cart=" + (cart == null ? "-" : ((Cart) cart).items().size())
          + " list=" + (list == null ? "-" : ((List<Object>) list).get(((List<Object>) list).size() - 1)));
    }
  }
}
