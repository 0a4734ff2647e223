package dev.sessionconfig.bench.codec;

import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One whole {@link SampleSession} per operation: every attribute encoded (as a store write does), or every
 * attribute decoded from what the same codec stored (as a store read does).
 */
@State(Scope.Benchmark)
public class CodecBenchmarks {
  /** Every codec when JMH is given no list. */
  @Param
  public Codec codec;

  private SessionCodec sessionCodec;
  private String[] names;
  private Object[] values;
  private byte[][] stored;

  @Setup
  public void setUp() throws Exception {
    sessionCodec = codec.create();
    Map<String, Object> attributes = SampleSession.attributes();
    names = attributes.keySet().toArray(String[]::new);
    values = attributes.values().toArray();
    stored = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      stored[i] = sessionCodec.encode(names[i], values[i]);
    }
  }

  @Benchmark
  public void encode(Blackhole blackhole) throws Exception {
    for (int i = 0; i < names.length; i++) {
      blackhole.consume(sessionCodec.encode(names[i], values[i]));
    }
  }

  @Benchmark
  public void decode(Blackhole blackhole) throws Exception {
    for (int i = 0; i < names.length; i++) {
      blackhole.consume(sessionCodec.decode(names[i], stored[i]));
    }
  }
}
