package dev.sessionconfig.bench.codec;

/** What one codec's output of the {@link SampleSession} weighs, in bytes, by attribute. */
record StoredSize(int securityContext, int cart) {
  int total() {
    return securityContext + cart;
  }
}
