package dev.sessionconfig.it.app.gadget;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a deserialization gadget: a Serializable class on the application's class path that no setting
 * allows, whose readObject records that it ran (a real gadget would run an attacker's command there).
 */
public final class Gadget implements Serializable {
  private static final long serialVersionUID = 1L;
  /** How many times any Gadget was deserialized in this JVM. */
  public static final AtomicInteger READS = new AtomicInteger();

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    READS.incrementAndGet();
    in.defaultReadObject();
  }
}
