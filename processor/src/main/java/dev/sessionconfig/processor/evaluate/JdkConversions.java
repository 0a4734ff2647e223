package dev.sessionconfig.processor.evaluate;

import dev.sessionconfig.Conversion;
import dev.sessionconfig.processor.facts.EnumConstant;
import dev.sessionconfig.processor.evaluate.Calls.Call;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.lang.model.element.ElementKind;

/**
 * The JDK parse and conversion functions that the generated loader replays on a looked-up value ({@link
 * Conversion}): {@code Boolean.parseBoolean(System.getenv("K"))} is the lookup of {@code K} read as a boolean.
 *
 * @param input the value converted: the call's first argument, or its receiver for {@code toUpperCase()}
 * @param conversion what the function does to it
 */
record JdkConversions(ValueSource input, Conversion conversion) {

  /** The conversion {@code call} applies, when it is one of the JDK functions the loader replays. */
  static Optional<JdkConversions> of(Call call) {
    String owner = call.owner();
    String simpleOwner = owner.substring(owner.lastIndexOf('.') + 1);
    String function = simpleOwner + "." + call.name();
    boolean onText = !call.args().isEmpty() && call.method().getParameters().get(0).asType().toString()
        .equals("java.lang.String");
    switch (owner + "." + call.shape()) {
      case "java.lang.Boolean.parseBoolean/1":
      case "java.lang.Boolean.valueOf/1":
        return onText ? of(call.arg(0), Conversion.toBoolean(function)) : Optional.empty();
      case "java.lang.Integer.parseInt/1":
      case "java.lang.Integer.valueOf/1":
        return onText ? of(call.arg(0), Conversion.toInt(function, 10)) : Optional.empty();
      case "java.lang.Integer.parseInt/2":
      case "java.lang.Integer.valueOf/2":
        return radix(call).flatMap(radix -> of(call.arg(0), Conversion.toInt(function, radix)));
      case "java.lang.Integer.decode/1":
        return of(call.arg(0), Conversion.toInt(function, 0));
      case "java.lang.Long.parseLong/1":
      case "java.lang.Long.valueOf/1":
        return onText ? of(call.arg(0), Conversion.toLong(function, 10)) : Optional.empty();
      case "java.lang.Long.parseLong/2":
      case "java.lang.Long.valueOf/2":
        return radix(call).flatMap(radix -> of(call.arg(0), Conversion.toLong(function, radix)));
      case "java.lang.Long.decode/1":
        return of(call.arg(0), Conversion.toLong(function, 0));
      case "java.time.Duration.parse/1":
        return of(call.arg(0), Conversion.toDuration(function));
      case "java.time.Duration.ofMillis/1":
        return of(call.arg(0), Conversion.durationIn(function, ChronoUnit.MILLIS));
      case "java.time.Duration.ofSeconds/1":
        return of(call.arg(0), Conversion.durationIn(function, ChronoUnit.SECONDS));
      case "java.time.Duration.ofMinutes/1":
        return of(call.arg(0), Conversion.durationIn(function, ChronoUnit.MINUTES));
      case "java.time.Duration.ofHours/1":
        return of(call.arg(0), Conversion.durationIn(function, ChronoUnit.HOURS));
      case "java.time.Duration.ofDays/1":
        return of(call.arg(0), Conversion.durationIn(function, ChronoUnit.DAYS));
      case "java.time.Duration.of/2":
        return unit(call.arg(1)).flatMap(unit -> of(call.arg(0), Conversion.durationIn(function, unit)));
      case "java.nio.file.Path.of/1":
      case "java.nio.file.Paths.get/1":
        return onText ? of(call.arg(0), Conversion.toPath(function)) : Optional.empty();
      case "java.net.URI.create/1":
        return of(call.arg(0), Conversion.toUri(function));
      case "java.net.URI.<init>/1":
        return onText ? of(call.arg(0), Conversion.toUri("new URI")) : Optional.empty();
      case "java.lang.String.toUpperCase/0":
      case "java.lang.String.toUpperCase/1":
        return of(call.receiver(), Conversion.changeCase(true));
      case "java.lang.String.toLowerCase/0":
      case "java.lang.String.toLowerCase/1":
        return of(call.receiver(), Conversion.changeCase(false));
      case "java.lang.String.equals/1":
      case "java.lang.String.equalsIgnoreCase/1":
        return isTrue(call.receiver(), call.name().equals("equals"))
            ? of(call.arg(0), Conversion.toBoolean("\"true\"." + call.name()))
            : Optional.empty();
      case "dev.sessionconfig.SessionType.valueOf/1":
        return onText && call.method().getEnclosingElement().getKind() == ElementKind.ENUM
            ? of(call.arg(0), Conversion.toSessionType(function))
            : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  private static Optional<JdkConversions> of(ValueSource input, Conversion conversion) {
    return input != null && input.lookup().isPresent()
        ? Optional.of(new JdkConversions(input, conversion))
        : Optional.empty();
  }

  /** The radix of {@code parseInt(s, radix)}, when it is a constant. */
  private static Optional<Integer> radix(Call call) {
    ValueSource radix = call.arg(1);
    return radix.isComputed() && radix.raw() instanceof Integer value && value >= Character.MIN_RADIX
        && value <= Character.MAX_RADIX
        ? Optional.of(value)
        : Optional.empty();
  }

  /** The {@code ChronoUnit} constant of {@code Duration.of(n, unit)}. */
  private static Optional<ChronoUnit> unit(ValueSource unit) {
    if (!unit.isComputed() || !(unit.raw() instanceof EnumConstant constant)
        || !constant.enumType().equals("java.time.temporal.ChronoUnit")) {
      return Optional.empty();
    }
    try {
      ChronoUnit value = ChronoUnit.valueOf(constant.constant());
      // Duration.of accepts exact units only (up to DAYS); the others throw, so they are not replayed.
      return value.isDurationEstimated() && value != ChronoUnit.DAYS ? Optional.empty() : Optional.of(value);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The literal {@code "true"} as the receiver of {@code equals} (exactly) or {@code equalsIgnoreCase}. */
  private static boolean isTrue(ValueSource receiver, boolean exactly) {
    return receiver != null && receiver.isComputed() && receiver.raw() instanceof String text
        && (exactly ? text.equals("true") : text.equalsIgnoreCase("true"));
  }
}
