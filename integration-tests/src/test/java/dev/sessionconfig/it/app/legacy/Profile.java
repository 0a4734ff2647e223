package dev.sessionconfig.it.app.legacy;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** A plain Serializable class of a package the test config allows, as older application code has them. */
public class Profile implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final List<String> interests;
  private Profile manager;

  public Profile(String name, List<String> interests) {
    this.name = name;
    this.interests = interests;
  }

  public Profile withManager(Profile manager) {
    this.manager = manager;
    return this;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Profile that && name.equals(that.name) && interests.equals(that.interests)
        && Objects.equals(manager, that.manager);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return "Profile[" + name + "]";
  }
}
