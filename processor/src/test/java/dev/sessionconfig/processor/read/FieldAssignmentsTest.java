package dev.sessionconfig.processor.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.VariableTree;
import dev.sessionconfig.processor.read.FieldAssignments.Assignment;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FieldAssignmentsTest {

  @Test
  void initializer() {
    List<Assignment> assignments = secretKeyAssignments(Javac.config("static String SECRET_KEY = \"a\";"));

    assertEquals(List.of("INITIALIZER in the field's initializer"), describe(assignments));
    assertEquals("a", ((LiteralTree) assignments.get(0).valuePath().getLeaf()).getValue());
    assertInstanceOf(VariableTree.class, assignments.get(0).statementPath().getLeaf());
  }

  @Test
  void staticBlock() {
    List<Assignment> assignments =
        secretKeyAssignments(Javac.config("static final String SECRET_KEY; static { SECRET_KEY = \"a\"; }"));

    assertEquals(List.of("STATIC_INITIALIZER in the static initializer of Config"), describe(assignments));
    assertEquals("a", ((LiteralTree) assignments.get(0).valuePath().getLeaf()).getValue());
    assertInstanceOf(ExpressionStatementTree.class, assignments.get(0).statementPath().getLeaf());
  }

  @Test
  void constructorAndInstanceInitializer() {
    List<Assignment> assignments = secretKeyAssignments(Javac.config(
        "static String SECRET_KEY; Config() { SECRET_KEY = \"a\"; } { SECRET_KEY = \"b\"; }"));

    assertEquals(List.of("CONSTRUCTOR_OR_INSTANCE_INITIALIZER in the constructor of Config",
        "CONSTRUCTOR_OR_INSTANCE_INITIALIZER in an instance initializer of Config"), describe(assignments));
  }

  @Test
  void mainMethod() {
    List<Assignment> assignments = secretKeyAssignments(Javac.config("static String SECRET_KEY;"
        + " public static void main(String[] args) { SECRET_KEY = System.getenv(\"SECRET_KEY\"); }"));

    assertEquals(List.of("METHOD in method main() of Config"), describe(assignments));
  }

  @Test
  void otherClassesQualifiedOrThroughAStaticImport() {
    List<Assignment> assignments = secretKeyAssignments(Javac.config("static String SECRET_KEY = null;"),
        "class App { static void init() { Config.SECRET_KEY = \"a\"; } }",
        "import static com.acme.Config.SECRET_KEY; class Setup { static { SECRET_KEY += \"b\"; } }");

    assertEquals(List.of("INITIALIZER in the field's initializer", "METHOD in method init() of App",
        "OTHER in the static initializer of Setup"), describe(assignments));
  }

  @Test
  void nameSpelledWithAUnicodeEscape() {
    List<Assignment> assignments = secretKeyAssignments(Javac.config("static String SECRET_KEY;"),
        "class App { static void init() { Config.SECRET\\u005FKEY = \"a\"; } }");

    assertEquals(List.of("METHOD in method init() of App"), describe(assignments));
  }

  @Test
  void lambdasAndNestedClasses() {
    List<Assignment> assignments = secretKeyAssignments(Javac.config("static String SECRET_KEY;"
        + " static final Runnable SET = () -> SECRET_KEY = \"a\";"
        + " static class Nested { static { SECRET_KEY = \"b\"; } }"));

    assertEquals(List.of("OTHER in a lambda in the initializer of field SET of Config",
        "OTHER in the static initializer of Nested"), describe(assignments));
  }

  @Test
  void sameNamedLocalsAndOtherFieldsDoNotCount() {
    List<Assignment> assignments = secretKeyAssignments(Javac.config("static String SECRET_KEY = \"a\";"
            + " static void shadow() { String SECRET_KEY = \"b\"; SECRET_KEY = \"c\"; }"),
        "class Other { static String SECRET_KEY; static { SECRET_KEY = \"d\"; } }");

    assertEquals(List.of("INITIALIZER in the field's initializer"), describe(assignments));
  }

  @Test
  void compoundAssignmentPointsAtItsOperand() {
    List<Assignment> assignments =
        secretKeyAssignments(Javac.config("static String SECRET_KEY = \"a\"; static { SECRET_KEY += \"b\"; }"));

    assertEquals("b", ((LiteralTree) assignments.get(1).valuePath().getLeaf()).getValue());
  }

  @Test
  void unassignedFieldHasNoAssignments() {
    assertEquals(List.of(), secretKeyAssignments(Javac.config("static String SECRET_KEY;")));
  }

  private static List<Assignment> secretKeyAssignments(String... sources) {
    Javac javac = Javac.analyze(sources);
    assertEquals(List.of(), javac.errors(), "the test source must compile");
    return new FieldAssignments(javac.trees, javac.units).of(javac.field("Config", "SECRET_KEY"));
  }

  private static List<String> describe(List<Assignment> assignments) {
    return assignments.stream()
        .map(assignment -> assignment.place() + " " + assignment.where())
        .collect(Collectors.toList());
  }
}
