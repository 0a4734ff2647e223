package dev.sessionconfig.runtime.testing;

import java.lang.reflect.Proxy;

/** An implementation of a servlet interface whose every method fails: the base the fakes override. */
final class Unsupported {
  private Unsupported() {}

  static <T> T of(Class<T> type) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      if (method.getName().equals("toString")) {
        return "Unsupported " + type.getSimpleName();
      }
      throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName() + " is not faked");
    }));
  }
}
