package dev.sessionconfig.it.app.legacy;

import java.io.Serializable;

/** An allowed class that can be nested arbitrarily deep: what a payload meant to exhaust the reader looks like. */
public final class Chain implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Chain next;

  public Chain(Chain next) {
    this.next = next;
  }

  /** A chain of {@code links} objects, each holding the next. */
  public static Chain of(int links) {
    Chain chain = null;
    for (int i = 0; i < links; i++) {
      chain = new Chain(chain);
    }
    return chain;
  }
}
