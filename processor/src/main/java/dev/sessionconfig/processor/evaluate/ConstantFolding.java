package dev.sessionconfig.processor.evaluate;

import com.sun.source.tree.Tree;
import java.util.Optional;
import javax.lang.model.type.TypeKind;

/**
 * Java's operators and primitive conversions on computed values (boxed primitives and Strings), as JLS
 * chapters 5 and 15 define them. Anything Java would reject or throw on gives an empty result: the expression
 * then stays a literal whose value is not computed.
 */
final class ConstantFolding {
  private ConstantFolding() {}

  static Optional<Object> binary(Tree.Kind operator, Object left, Object right) {
    if (operator == Tree.Kind.PLUS && (left instanceof String || right instanceof String)) {
      return concatenate(left, right);
    }
    if (left instanceof Boolean a && right instanceof Boolean b) {
      return logical(operator, a, b);
    }
    if (!isNumeric(left) || !isNumeric(right)) {
      return Optional.empty();
    }
    if (operator == Tree.Kind.LEFT_SHIFT || operator == Tree.Kind.RIGHT_SHIFT
        || operator == Tree.Kind.UNSIGNED_RIGHT_SHIFT) {
      return shift(operator, number(left), number(right).longValue());
    }
    TypeKind type = promote(left, right);
    Optional<Object> result = type == TypeKind.DOUBLE || type == TypeKind.FLOAT
        ? floating(operator, number(left).doubleValue(), number(right).doubleValue())
        : integral(operator, number(left).longValue(), number(right).longValue());
    // Computed in long or double; narrowing gives int and float arithmetic exactly (two's complement wrap-around,
    // and a double rounds every float operation correctly).
    return result.flatMap(value -> value instanceof Boolean ? result : convert(value, type));
  }

  static Optional<Object> unary(Tree.Kind operator, Object operand) {
    if (operator == Tree.Kind.LOGICAL_COMPLEMENT && operand instanceof Boolean value) {
      return Optional.of(!value);
    }
    if (!isNumeric(operand)) {
      return Optional.empty();
    }
    TypeKind type = promote(operand, 0);
    boolean floating = type == TypeKind.DOUBLE || type == TypeKind.FLOAT;
    switch (operator) {
      case UNARY_PLUS:
        return convert(operand, type);
      case UNARY_MINUS:
        return floating
            ? convert(-number(operand).doubleValue(), type)
            : convert(-number(operand).longValue(), type);
      case BITWISE_COMPLEMENT:
        return floating ? Optional.empty() : convert(~number(operand).longValue(), type);
      default:
        return Optional.empty();
    }
  }

  /** A primitive conversion (widening or narrowing) to {@code target}, as a cast performs it. */
  static Optional<Object> convert(Object value, TypeKind target) {
    if (target == TypeKind.BOOLEAN) {
      return value instanceof Boolean ? Optional.of(value) : Optional.empty();
    }
    if (!isNumeric(value)) {
      return Optional.empty();
    }
    // Number's xxxValue() methods are specified as the corresponding narrowing or widening conversion.
    Number number = number(value);
    switch (target) {
      case BYTE:
        return Optional.of(number.byteValue());
      case SHORT:
        return Optional.of(number.shortValue());
      case CHAR:
        return Optional.of((char) number.intValue());
      case INT:
        return Optional.of(number.intValue());
      case LONG:
        return Optional.of(number.longValue());
      case FLOAT:
        return Optional.of(number.floatValue());
      case DOUBLE:
        return Optional.of(number.doubleValue());
      default:
        return Optional.empty();
    }
  }

  /** The value of a field nobody assigned: zero, false or null. */
  static Object defaultValue(TypeKind type) {
    if (type == TypeKind.BOOLEAN) {
      return false;
    }
    return type.isPrimitive() ? convert(0, type).orElseThrow() : null;
  }

  private static Optional<Object> concatenate(Object left, Object right) {
    // Only values whose string conversion is fixed by the JLS: not arrays or objects with identity hash codes.
    return isConcatenable(left) && isConcatenable(right)
        ? Optional.of(String.valueOf(left) + right)
        : Optional.empty();
  }

  private static boolean isConcatenable(Object value) {
    return value == null || value instanceof String || value instanceof Boolean || isNumeric(value);
  }

  private static Optional<Object> logical(Tree.Kind operator, boolean a, boolean b) {
    switch (operator) {
      case AND:
      case CONDITIONAL_AND:
        return Optional.of(a && b);
      case OR:
      case CONDITIONAL_OR:
        return Optional.of(a || b);
      case XOR:
      case NOT_EQUAL_TO:
        return Optional.of(a ^ b);
      case EQUAL_TO:
        return Optional.of(a == b);
      default:
        return Optional.empty();
    }
  }

  private static Optional<Object> integral(Tree.Kind operator, long a, long b) {
    switch (operator) {
      case PLUS:
        return Optional.of(a + b);
      case MINUS:
        return Optional.of(a - b);
      case MULTIPLY:
        return Optional.of(a * b);
      case DIVIDE:
        return b == 0 ? Optional.empty() : Optional.of(a / b);
      case REMAINDER:
        return b == 0 ? Optional.empty() : Optional.of(a % b);
      case AND:
        return Optional.of(a & b);
      case OR:
        return Optional.of(a | b);
      case XOR:
        return Optional.of(a ^ b);
      default:
        return compare(operator, Long.compare(a, b));
    }
  }

  private static Optional<Object> floating(Tree.Kind operator, double a, double b) {
    switch (operator) {
      case PLUS:
        return Optional.of(a + b);
      case MINUS:
        return Optional.of(a - b);
      case MULTIPLY:
        return Optional.of(a * b);
      case DIVIDE:
        return Optional.of(a / b);
      case REMAINDER:
        return Optional.of(a % b);
      case EQUAL_TO:
        return Optional.of(a == b);
      case NOT_EQUAL_TO:
        return Optional.of(a != b);
      case LESS_THAN:
        return Optional.of(a < b);
      case LESS_THAN_EQUAL:
        return Optional.of(a <= b);
      case GREATER_THAN:
        return Optional.of(a > b);
      case GREATER_THAN_EQUAL:
        return Optional.of(a >= b);
      default:
        return Optional.empty();
    }
  }

  private static Optional<Object> compare(Tree.Kind operator, int comparison) {
    switch (operator) {
      case EQUAL_TO:
        return Optional.of(comparison == 0);
      case NOT_EQUAL_TO:
        return Optional.of(comparison != 0);
      case LESS_THAN:
        return Optional.of(comparison < 0);
      case LESS_THAN_EQUAL:
        return Optional.of(comparison <= 0);
      case GREATER_THAN:
        return Optional.of(comparison > 0);
      case GREATER_THAN_EQUAL:
        return Optional.of(comparison >= 0);
      default:
        return Optional.empty();
    }
  }

  /** Shifts promote each operand on its own, and use only the low 5 (int) or 6 (long) bits of the distance. */
  private static Optional<Object> shift(Tree.Kind operator, Number left, long distance) {
    if (left instanceof Float || left instanceof Double) {
      return Optional.empty();
    }
    boolean isLong = left instanceof Long;
    // An int shifted in a long gives the int result once narrowed, if >>> sees the int's 32 bits unsigned.
    long value = isLong ? left.longValue()
        : operator == Tree.Kind.UNSIGNED_RIGHT_SHIFT ? left.intValue() & 0xFFFF_FFFFL : left.intValue();
    int bits = (int) (distance & (isLong ? 63 : 31));
    long shifted = operator == Tree.Kind.LEFT_SHIFT ? value << bits
        : operator == Tree.Kind.RIGHT_SHIFT ? value >> bits : value >>> bits;
    return convert(shifted, isLong ? TypeKind.LONG : TypeKind.INT);
  }

  /** Binary numeric promotion (JLS 5.6). */
  private static TypeKind promote(Object left, Object right) {
    if (left instanceof Double || right instanceof Double) {
      return TypeKind.DOUBLE;
    }
    if (left instanceof Float || right instanceof Float) {
      return TypeKind.FLOAT;
    }
    return left instanceof Long || right instanceof Long ? TypeKind.LONG : TypeKind.INT;
  }

  private static boolean isNumeric(Object value) {
    return value instanceof Character || value instanceof Byte || value instanceof Short
        || value instanceof Integer || value instanceof Long || value instanceof Float || value instanceof Double;
  }

  private static Number number(Object numeric) {
    return numeric instanceof Character c ? Integer.valueOf(c) : (Number) numeric;
  }
}
