package dev.sessionconfig.processor;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The diagnostics of one config class, collected while it is validated and printed together afterwards.
 * Applies {@code @SuppressWarnings("sessionconfig:ID")} and {@code -Asessionconfig.warningsAsErrors}, and
 * points each diagnostic at the most exact place known: a subexpression, or an element and annotation value.
 */
public final class Report {
  private final Messager messager;
  private final Optional<Trees> trees;
  private final ProcessorOptions options;
  private final Element scope;
  private final List<Entry> entries = new ArrayList<>();

  private static final class Entry {
    final Message message;
    final String text;
    final Element element;
    final AnnotationMirror mirror;
    final AnnotationValue value;
    final TreePath path;

    Entry(Message message, String text, Element element, AnnotationMirror mirror, AnnotationValue value, TreePath path) {
      this.message = message;
      this.text = text;
      this.element = element;
      this.mirror = mirror;
      this.value = value;
      this.path = path;
    }
  }

  /**
   * @param scope the config class being checked: its {@code @SuppressWarnings} also covers the settings it
   *     inherits, or {@code null} for diagnostics outside any config class
   */
  Report(Messager messager, Optional<Trees> trees, ProcessorOptions options, Element scope) {
    this.messager = messager;
    this.trees = trees;
    this.options = options;
    this.scope = scope;
  }

  /** Reports {@code message} at {@code position}. */
  public void at(Position position, Message message, Object... arguments) {
    add(new Entry(message, message.format(arguments), position.element, position.mirror, position.value,
        position.path));
  }

  /** Whether an error has been reported (after suppression and warningsAsErrors). */
  public boolean hasErrors() {
    return entries.stream().anyMatch(entry -> kindOf(entry) == Diagnostic.Kind.ERROR);
  }

  /** Prints every diagnostic collected, in the order they were reported, and forgets them. */
  void print() {
    for (Entry entry : entries) {
      Diagnostic.Kind kind = kindOf(entry);
      if (entry.path != null && trees.isPresent()) {
        trees.get().printMessage(kind, entry.text, entry.path.getLeaf(), entry.path.getCompilationUnit());
      } else if (entry.element == null) {
        messager.printMessage(kind, entry.text);
      } else {
        messager.printMessage(kind, entry.text, entry.element, entry.mirror, entry.value);
      }
    }
    entries.clear();
  }

  private void add(Entry entry) {
    if (entry.message.kind() == Diagnostic.Kind.WARNING
        && (isSuppressed(entry.element, entry.message) || isSuppressed(scope, entry.message))) {
      return;
    }
    entries.add(entry);
  }

  private Diagnostic.Kind kindOf(Entry entry) {
    Diagnostic.Kind kind = entry.message.kind();
    return kind == Diagnostic.Kind.WARNING && options.warningsAsErrors() ? Diagnostic.Kind.ERROR : kind;
  }

  /**
   * Whether {@code element} or an element enclosing it says {@code @SuppressWarnings("sessionconfig:ID")}. Read
   * from the annotation's mirror: code being compiled may hold an incomplete {@code @SuppressWarnings()}, which
   * {@code getAnnotation} would turn into an exception.
   */
  private static boolean isSuppressed(Element element, Message message) {
    String key = "sessionconfig:" + message.id();
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      for (javax.lang.model.element.AnnotationMirror annotation : e.getAnnotationMirrors()) {
        if (annotation.getAnnotationType().toString().equals("java.lang.SuppressWarnings")
            && suppresses(annotation, key)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean suppresses(javax.lang.model.element.AnnotationMirror annotation, String key) {
    for (var value : annotation.getElementValues().entrySet()) {
      if (!value.getKey().getSimpleName().contentEquals("value")) {
        continue;
      }
      Object names = value.getValue().getValue();
      if (names instanceof List<?> list) {
        for (Object name : list) {
          if (name instanceof javax.lang.model.element.AnnotationValue single && key.equals(single.getValue())) {
            return true;
          }
        }
      } else if (key.equals(names)) {
        return true;
      }
    }
    return false;
  }
}
