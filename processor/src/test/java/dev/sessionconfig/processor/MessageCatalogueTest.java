package dev.sessionconfig.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionconfig.testing.UserFacingText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every diagnostic of the catalogue speaks of the product, of Flask-Session and of the user's own code: none refers
 * to a document users never had (the project's contract, the material it started from, its tracker).
 */
class MessageCatalogueTest {
  @Test
  void noDiagnosticRefersToADocumentUsersDoNotHave() {
    List<String> problems = new ArrayList<>();
    for (Message message : Message.values()) {
      Object[] arguments = new Object[12];
      Arrays.fill(arguments, "X");
      String text = message.format(arguments);
      assertTrue(text.startsWith("[" + message.id() + "] "), text);
      UserFacingText.references(text).forEach(reference -> problems.add(message + ": " + reference));
    }
    assertEquals(List.of(), problems);
  }
}
