package dev.sessionconfig.bench.codec;

import dev.sessionconfig.bench.chart.ChartRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;

/** The codec comparison as Markdown (figures, ratios, the target) and as bars of the summary chart. */
final class CodecReport {
  private static final String TIME_PANEL = "Session codecs: time per session";
  private static final String SIZE_PANEL = "Session codecs: stored size";

  private final Knobs knobs;
  private final Map<Codec, StoredSize> sizes;
  private final Map<Codec, Result<?>> encode;
  private final Map<Codec, Result<?>> decode;

  CodecReport(Knobs knobs, Map<Codec, StoredSize> sizes, Map<Codec, Result<?>> encode,
      Map<Codec, Result<?>> decode) {
    this.knobs = knobs;
    this.sizes = sizes;
    this.encode = encode;
    this.decode = decode;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("### Session codecs: sessionconfig vs JDK serialization vs Jackson (JMH 1.37)\n\n");
    md.append("One session of two attributes, each stored on its own: `SPRING_SECURITY_CONTEXT`, a Spring Security"
        + " 6.5 `SecurityContextImpl` after a form login (`UsernamePasswordAuthenticationToken`, principal a `User`"
        + " with two authorities and its password erased, `WebAuthenticationDetails`), and `cart`, an application"
        + " record of ").append(SampleSession.CART_ITEMS).append(" line records, an enum-keyed map of `Instant`"
        + " lists, a UUID and `BigDecimal` prices. **sessionconfig**: `SessionValues` as the generated loader of a"
        + " config sets it up: the cart by its generated codecs, the security context by JDK serialization (allowed"
        + " by `SESSION_SERIALIZATION_ALLOW = org.springframework.security.**`) read behind the allow-list filter."
        + " **JDK serialization**: an `ObjectOutputStream` per attribute, read without a filter, as Spring"
        + " Session's default serializer does. **Jackson**: the security context with Spring Security's Jackson"
        + " modules (class ids, read back untyped and checked against their allow list); the cart with a plain"
        + " `ObjectMapper` (`JavaTimeModule`, ISO-8601 dates) read back as a `Cart`, without class ids, which"
        + " needs the reader to know the attribute's type. Every codec reads back the very session it stored"
        + " (checked before timing). Times: average per session (both attributes), ")
        .append(knobs.forks()).append(knobs.forks() == 1 ? " fork" : " forks").append(" × ")
        .append(knobs.iterations()).append(" × ").append(knobs.seconds()).append(" s after ")
        .append(knobs.warmups()).append(" × ").append(knobs.seconds()).append(" s warm-up; ± is JMH's 99.9 %"
        + " confidence half-width. Bytes: the stored output, exactly.\n\n");

    md.append("| variant | encode (µs/session) | decode (µs/session) | bytes: security context + cart = session |\n");
    md.append("|---|---:|---:|---:|\n");
    for (Codec codec : Codec.values()) {
      StoredSize size = sizes.get(codec);
      md.append(format("| %s | %s | %s | %d + %d = %d |%n", codec.label, withError(encode.get(codec)),
          withError(decode.get(codec)), size.securityContext(), size.cart(), size.total()));
    }

    md.append("\nRatios: the variant's figure divided by the other codec's (below 1× is faster or smaller).\n\n");
    md.append("| variant | encode vs JDK | decode vs JDK | bytes vs JDK | encode vs Jackson | decode vs Jackson"
        + " | bytes vs Jackson |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (Codec codec : Codec.values()) {
      md.append("| ").append(codec.label).append(ratios(codec, Codec.JDK)).append(ratios(codec, Codec.JACKSON))
          .append(" |\n");
    }
    md.append('\n').append(target()).append("\n\n");
    return md.toString();
  }

  private String ratios(Codec codec, Codec other) {
    return format(" | %.2f× | %.2f× | %.2f×", time(encode, codec) / time(encode, other),
        time(decode, codec) / time(decode, other), (double) sizes.get(codec).total() / sizes.get(other).total());
  }

  /** The target against JDK serialization: fewer bytes, and no slower to encode nor to decode. */
  private String target() {
    Codec ours = Codec.SESSIONCONFIG;
    Codec jdk = Codec.JDK;
    List<String> missed = new ArrayList<>();
    if (sizes.get(ours).total() >= sizes.get(jdk).total()) {
      missed.add("not smaller");
    }
    if (time(encode, ours) > time(encode, jdk)) {
      missed.add("slower to encode");
    }
    if (time(decode, ours) > time(decode, jdk)) {
      missed.add("slower to decode");
    }
    return format("- Target \"smaller than JDK serialization and at least as fast\" (sessionconfig against JDK"
            + " serialization, the whole session): %d vs %d bytes, encode %.2f vs %.2f µs, decode %.2f vs %.2f µs"
            + " → **%s**.", sizes.get(ours).total(), sizes.get(jdk).total(), time(encode, ours), time(encode, jdk),
        time(decode, ours), time(decode, jdk), missed.isEmpty() ? "met" : "missed (" + String.join(", ", missed)
            + ")");
  }

  ChartRows chartRows() {
    ChartRows rows = new ChartRows();
    for (Codec codec : Codec.values()) {
      rows.add(TIME_PANEL, "µs, lower is better", "encode", codec.label, time(encode, codec));
    }
    for (Codec codec : Codec.values()) {
      rows.add(TIME_PANEL, "µs, lower is better", "decode", codec.label, time(decode, codec));
    }
    for (Codec codec : Codec.values()) {
      rows.add(SIZE_PANEL, "bytes, lower is better", "security context", codec.label,
          sizes.get(codec).securityContext());
    }
    for (Codec codec : Codec.values()) {
      rows.add(SIZE_PANEL, "bytes, lower is better", "cart", codec.label, sizes.get(codec).cart());
    }
    for (Codec codec : Codec.values()) {
      rows.add(SIZE_PANEL, "bytes, lower is better", "session", codec.label, sizes.get(codec).total());
    }
    return rows;
  }

  /** JMH gives no confidence interval for fewer than three iterations: then the score alone. */
  private static String withError(Result<?> result) {
    return Double.isNaN(result.getScoreError()) ? format("%.2f", result.getScore())
        : format("%.2f ± %.2f", result.getScore(), result.getScoreError());
  }

  private static double time(Map<Codec, Result<?>> results, Codec codec) {
    return results.get(codec).getScore();
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
