package dev.sessionconfig.runtime.session;

import dev.sessionconfig.runtime.SessionSettings;
import dev.sessionconfig.runtime.events.SessionListeners;
import dev.sessionconfig.runtime.metrics.SessionMetrics;
import dev.sessionconfig.runtime.users.PrincipalResolver;
import dev.sessionconfig.runtime.users.UserSessions;
import dev.sessionconfig.runtime.store.SessionStore;
import dev.sessionconfig.runtime.store.SessionStoreException;
import dev.sessionconfig.runtime.values.SessionValues;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Runs requests with store-backed sessions. <b>Internal</b>: use
 * {@code dev.sessionconfig.runtime.servlet.SessionFilter} or {@code SessionInterface}; this class is public
 * only so that they can reach it from their package, and may change without notice.
 *
 * <p>A store outage ({@link SessionStoreException}) while a request reads or writes its session fails that
 * request with <b>503 Service Unavailable</b> and one ERROR log line naming the store; nothing is cached
 * across requests, so the first request after the store is back works again.
 */
public final class SessionManager {
  private static final System.Logger LOG = System.getLogger("dev.sessionconfig.session");
  /** Where a request's session state lives while forwards, includes and async dispatches re-enter the filter. */
  private static final String STATE = RequestSessions.class.getName();

  private final SessionRepository repository;
  private final SessionValues values;
  private final SessionListeners listeners;
  private final DetachedSessions detached = new DetachedSessions(this);
  private final StoredUserSessions users = new StoredUserSessions(this, detached);
  private volatile PrincipalResolver principalResolver = PrincipalResolver.standard();
  private volatile ServletContext servletContext;
  private final Lifetimes lifetimes;
  private final SessionIds ids;
  private final CookieSigner signer;
  private final SessionCookie cookie;
  private final boolean permanent;
  private final int maxSessionBytes;
  private final Clock clock;
  private final SessionMetrics metrics;

  public SessionManager(SessionSettings settings, SessionStore store, SessionListeners listeners,
      SessionMetrics metrics) {
    this(settings, store, listeners, metrics, Clock.systemUTC());
  }

  SessionManager(SessionSettings settings, SessionStore store, SessionListeners listeners, SessionMetrics metrics,
      Clock clock) {
    this.listeners = listeners;
    this.metrics = metrics;
    SigningKeys keys = new SigningKeys(settings.secretKey(), settings.secretKeyFallbacks());
    this.lifetimes = new Lifetimes(settings);
    this.repository = new SessionRepository(store, lifetimes, new SessionCodec(keys), metrics);
    this.values = SessionValues.of(settings.attributeTypes(), settings.serializationAllow());
    this.ids = new SessionIds(new SecureRandom(), settings.idLength());
    this.signer = new CookieSigner(keys);
    this.cookie = new SessionCookie(settings);
    this.permanent = settings.permanent();
    this.maxSessionBytes = settings.maxSessionSize();
    this.clock = clock;
  }

  /**
   * Runs {@code chain} with session-aware request and response wrappers, then commits the session. A request
   * that ends with an exception does not store what it changed, as Django does for 5xx responses, unless it had
   * already started to send its body.
   */
  public void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    RequestSessions sessions = (RequestSessions) request.getAttribute(STATE);
    boolean owner = sessions == null;
    if (owner) {
      sessions = new RequestSessions(this, request, response);
      request.setAttribute(STATE, sessions);
    }
    // Forwards and includes leave the commit, and any outage, to the dispatch that began the request; an
    // async dispatch has no such dispatch still running, so it handles both itself.
    boolean commits = owner || request.getDispatcherType() == DispatcherType.ASYNC;
    boolean async = false;
    try {
      SessionResponse wrappedResponse = new SessionResponse(response, sessions);
      chain.doFilter(new SessionRequest(request, wrappedResponse, sessions), wrappedResponse);
      async = request.isAsyncStarted();
      if (async && owner) {
        request.getAsyncContext().addListener(new CompleteListener(sessions, request));
      } else if (!async && commits) {
        sessions.commit();
      }
    } catch (IOException | ServletException | RuntimeException e) {
      SessionStoreException outage = findOutage(e);
      if (outage == null || !commits) {
        throw e;
      }
      outage(request, response, outage);
    } finally {
      if (owner && !async) {
        request.removeAttribute(STATE);
      }
    }
  }

  /** Logs the outage naming the store and answers 503 if the response can still be changed. */
  void outage(HttpServletRequest request, HttpServletResponse response, SessionStoreException e) {
    // The store's message names it (host and port, directory) and, by the store contract, never a secret.
    LOG.log(System.Logger.Level.ERROR, "Session store " + repository.storeDescription() + " failed during "
        + request.getMethod() + " " + request.getRequestURI() + ": " + e.getMessage()
        + "; answering 503 Service Unavailable");
    if (response.isCommitted()) {
      return;
    }
    response.reset();
    // Written here rather than with sendError: the container would dispatch to its error page, and that dispatch
    // would reach for the session again, costing the failing store a second timeout.
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setContentType("text/plain;charset=UTF-8");
    response.setHeader("Retry-After", "1");
    try {
      response.getWriter().write("The session store is unavailable; try again in a moment.");
      response.flushBuffer();
    } catch (IOException | IllegalStateException ignored) {
      // The client went away, or the application took the output stream: the status says it all.
    }
  }

  private static SessionStoreException findOutage(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SessionStoreException) {
        return (SessionStoreException) cause;
      }
    }
    return null;
  }

  SessionRepository repository() {
    return repository;
  }

  Lifetimes lifetimes() {
    return lifetimes;
  }

  SessionValues values() {
    return values;
  }

  SessionListeners listeners() {
    return listeners;
  }

  PrincipalResolver principalResolver() {
    return principalResolver;
  }

  /** Who sessions belong to, asked when a request writes its session; {@link PrincipalResolver#standard()} first. */
  public void principalResolver(PrincipalResolver resolver) {
    this.principalResolver = java.util.Objects.requireNonNull(resolver, "resolver");
  }

  /** The sessions of each user, across the instances that share the store. */
  public UserSessions users() {
    return users;
  }

  /**
   * Has the store report sessions that expire in it to the listeners, as destroyed; {@code context} is the
   * application's, for the sessions' {@code getServletContext()}.
   *
   * @return how the store reports expiry, or empty when it cannot
   */
  public java.util.Optional<String> reportExpiries(ServletContext context) {
    this.servletContext = context;
    return repository.store().reportExpiries((id, record) -> {
      metrics.sessionExpired();
      try {
        detached.expired(id, record);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "Reporting an expired session to the session listeners failed", e);
      }
    });
  }

  /** What these sessions count and time. */
  SessionMetrics metrics() {
    return metrics;
  }

  ServletContext servletContext() {
    return servletContext;
  }

  SessionIds ids() {
    return ids;
  }

  CookieSigner signer() {
    return signer;
  }

  SessionCookie cookie() {
    return cookie;
  }

  boolean permanent() {
    return permanent;
  }

  int maxSessionBytes() {
    return maxSessionBytes;
  }

  long now() {
    return clock.millis();
  }

  /** Commits an async request's session when it ends, then lets go of its state. */
  private static final class CompleteListener implements AsyncListener {
    private final RequestSessions sessions;
    private final HttpServletRequest request;

    CompleteListener(RequestSessions sessions, HttpServletRequest request) {
      this.sessions = sessions;
      this.request = request;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      try {
        sessions.commitReportingOutage();
      } finally {
        request.removeAttribute(STATE);
      }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      sessions.commitReportingOutage();
    }

    @Override
    public void onError(AsyncEvent event) {
      sessions.commitReportingOutage();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      event.getAsyncContext().addListener(this); // a new async cycle forgets the listeners of the last one
    }
  }
}
