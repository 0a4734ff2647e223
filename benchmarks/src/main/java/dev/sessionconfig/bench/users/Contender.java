package dev.sessionconfig.bench.users;

import java.util.Set;

/** One store's index of sessions by user, as the benchmark drives it: write a user's session, find them all. */
interface Contender extends AutoCloseable {

  /** Stores session number {@code index} of {@code user}, indexed under the user; answers the session's id. */
  String write(String user, int index) throws Exception;

  /** The ids of the live sessions the index holds for {@code user}, records and all fetched as the store does. */
  Set<String> find(String user) throws Exception;

  @Override
  void close();
}
