package dev.sessionconfig.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.sessionconfig.processor.evaluate.Attribution;
import dev.sessionconfig.processor.evaluate.ValueSourceAnalyzer;
import dev.sessionconfig.processor.facts.ConfigFacts;
import dev.sessionconfig.processor.facts.StraySetting;
import dev.sessionconfig.processor.model.ConfigModel;
import dev.sessionconfig.processor.model.ConfigModelFactory;
import dev.sessionconfig.processor.read.ConfigClassReader;
import dev.sessionconfig.processor.read.ConfigShape;
import dev.sessionconfig.processor.read.FieldAssignments;
import dev.sessionconfig.processor.read.StraySettings;
import dev.sessionconfig.processor.read.TreeSupport;
import dev.sessionconfig.processor.validate.MisplacedAnnotation;
import dev.sessionconfig.processor.validate.Rules;
import dev.sessionconfig.processor.validate.StraySettingRule;
import dev.sessionconfig.processor.write.LoaderWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Checks every {@code @SessionConfig} class and generates its loader. Each class is read once into immutable
 * facts, checked by the rules (which see only the facts), turned into a model only when no error was reported,
 * and written from that model. A class that depends on a type generated in a later round is deferred to that round. Nothing here
 * may crash javac: any exception becomes an {@code [InternalError]} diagnostic.
 */
@AutoService(Processor.class)
public final class SessionConfigProcessor extends AbstractProcessor {
  /** The checks that need the javac Tree API, named in the note shown when a compiler lacks it. */
  private static final String CHECKS_NEEDING_TREES = "SecretAssignedOutsideConfig; LiteralSecretKey,"
      + " LiteralSecretFallback and value checks on initializers that are not compile-time constants (such as"
      + " SessionType.REDIS or Duration.ofDays(7)); replaying environment lookups in the generated loader, which"
      + " reads such fields instead; the codecs of the records and enums in SESSION_ATTRIBUTE_TYPES, which then"
      + " fail at startup (Serializable classes listed there still work)";

  private static final String GENERATED = "javax.annotation.processing.Generated";

  private ProcessorOptions options;
  private Optional<Trees> trees;
  private boolean firstRound = true;
  /** Config classes waiting for a type from a later round, by name: their elements are new in each round. */
  private final Set<String> deferred = new LinkedHashSet<>();
  /** The providers of the loaders written so far, and their config classes, for the service file. */
  private final Map<String, TypeElement> providers = new TreeMap<>();
  /** The compilation units of every round so far: a deferred class's assignments live in an earlier round's. */
  private final Set<CompilationUnitTree> units = new LinkedHashSet<>();

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    options = ProcessorOptions.parse(processingEnv.getOptions());
    trees = TreeSupport.of(processingEnv);
  }

  /**
   * {@code @SessionConfig}, and {@code @Generated} because the loaders carry it: claiming both keeps
   * {@code -Xlint:all} free of "no processor claimed" warnings in users' builds.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(ConfigClassReader.ANNOTATION, GENERATED);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return ProcessorOptions.KNOWN;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      processRound(round);
    } catch (RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
      // AssertionError: javac's own asserts, which a Trees call on a tree javac did not expect can trip.
      internalError(null, "this round", e);
    }
    return true;
  }

  private void processRound(RoundEnvironment round) {
    if (firstRound) {
      firstRound = false;
      Report start = newReport(null);
      options.problems().forEach(problem -> start.at(Position.ofCompilation(), Message.InvalidOption, problem, ProcessorOptions.KNOWN));
      if (trees.isEmpty()) {
        start.at(Position.ofCompilation(), Message.TreesUnavailable, CHECKS_NEEDING_TREES);
      }
      start.print();
    }
    // No lambda may take a Trees: linking it loads javac's classes even when trees is empty, which fails on a
    // runtime without jdk.compiler (Eclipse's compiler in an IDE). Plain code behind isPresent() never links them.
    if (trees.isPresent()) {
      rememberUnits(trees.get(), round);
    }

    List<TypeElement> configs = new ArrayList<>();
    for (String name : deferred) {
      Optional.ofNullable(processingEnv.getElementUtils().getTypeElement(name)).ifPresent(configs::add);
    }
    deferred.clear();
    configs.addAll(ElementFilter.typesIn(round.getElementsAnnotatedWith(
        processingEnv.getElementUtils().getTypeElement(ConfigClassReader.ANNOTATION))));
    Optional<String> straySessionType = checkStraySettings(round, configs);
    if (configs.isEmpty()) {
      if (round.processingOver()) {
        writeServiceFile();
      }
      return; // nothing to read, so no tree is walked (as in the round of the generated loaders)
    }

    Optional<ValueSourceAnalyzer> analyzer = Optional.empty();
    Optional<FieldAssignments> assignments = Optional.empty();
    if (trees.isPresent()) {
      analyzer = Optional.of(new ValueSourceAnalyzer(trees.get(), processingEnv.getElementUtils(),
          processingEnv.getTypeUtils()));
      assignments = Optional.of(new FieldAssignments(trees.get(), units));
    }
    ConfigClassReader reader = new ConfigClassReader(trees, analyzer, assignments, processingEnv.getElementUtils(),
        processingEnv.getTypeUtils());
    for (TypeElement type : configs) {
      try {
        processConfig(type, reader, straySessionType, round.processingOver());
      } catch (RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
        internalError(type, type.getQualifiedName().toString(), e);
      }
    }
    if (round.processingOver()) {
      writeServiceFile();
    }
  }

  /**
   * Lists every loader of the compilation in {@code META-INF/services}, once, in the last round: a framework
   * (the Spring Boot starter) finds the application's configs there without being told their names.
   */
  private void writeServiceFile() {
    if (providers.isEmpty()) {
      return;
    }
    String name = "META-INF/services/" + LoaderWriter.GENERATED_LOADER.reflectionName();
    try {
      FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", name,
          providers.values().toArray(new Element[0]));
      try (Writer writer = file.openWriter()) {
        for (String provider : providers.keySet()) {
          writer.write(provider + "\n");
        }
      }
    } catch (IOException e) {
      internalError(null, name, e);
    }
  }

  private void rememberUnits(Trees trees, RoundEnvironment round) {
    for (Element root : round.getRootElements()) {
      TreePath path = trees.getPath(root);
      if (path != null) {
        units.add(path.getCompilationUnit());
      }
    }
  }

  /** Reports stray settings; returns where the first stray SESSION_TYPE is declared, for the missing-type error. */
  private Optional<String> checkStraySettings(RoundEnvironment round, List<TypeElement> configs) {
    Set<TypeElement> readByConfigs = new HashSet<>();
    List<String> configNames = new ArrayList<>();
    for (TypeElement config : configs) {
      readByConfigs.addAll(Attribution.hierarchy(config));
      configNames.add(config.getSimpleName().toString());
    }
    List<StraySetting> strays = StraySettings.in(round.getRootElements(), readByConfigs);
    Report report = newReport(null);
    StraySettingRule.check(strays, configNames, report);
    report.print();
    return strays.stream().filter(stray -> stray.name().equals("SESSION_TYPE")).map(StraySetting::qualifiedClass)
        .findFirst();
  }

  private void processConfig(TypeElement type, ConfigClassReader reader, Optional<String> straySessionType,
      boolean lastRound) {
    AnnotationMirror annotation = ConfigClassReader.annotationOf(type).orElseThrow();
    Report report = newReport(type);
    Optional<dev.sessionconfig.processor.facts.MisplacedConfig> misplaced = ConfigShape.misplaced(type, annotation);
    if (misplaced.isPresent()) {
      MisplacedAnnotation.check(misplaced.get(), report);
      report.print();
      return;
    }
    Optional<String> unresolved = Attribution.unresolvedDeclaration(type);
    Optional<ConfigFacts> facts = Optional.empty();
    if (unresolved.isEmpty()) { // only then may trees be read: see unresolvedDeclaration
      ConfigClassReader.Reading reading = reader.read(type, annotation, straySessionType);
      facts = reading.facts();
      unresolved = reading.unresolved();
    }
    if (unresolved.isPresent()) {
      if (lastRound) {
        report.at(Position.onAnnotation(type, annotation, null), Message.UnresolvedType, type.getQualifiedName(),
            unresolved.get());
        report.print();
      } else {
        deferred.add(type.getQualifiedName().toString());
      }
      return;
    }
    Rules.check(facts.orElseThrow(), report);
    boolean clean = facts.get().declarationsUsable() && !report.hasErrors();
    report.print();
    if (clean) {
      try {
        ConfigModel model = new ConfigModelFactory(servletApiAvailable()).create(facts.get());
        new LoaderWriter(processingEnv.getFiler(), generatedAnnotation()).write(model, type);
        providers.put(LoaderWriter.providerBinaryName(model), type);
      } catch (java.io.IOException e) {
        internalError(type, type.getQualifiedName().toString(), e);
      }
    }
  }

  /** initApp needs the Servlet API and the runtime's servlet support on the class path. */
  private boolean servletApiAvailable() {
    var elements = processingEnv.getElementUtils();
    return elements.getTypeElement("jakarta.servlet.ServletContext") != null
        && elements.getTypeElement("dev.sessionconfig.runtime.servlet.SessionInterface") != null;
  }

  private Optional<ClassName> generatedAnnotation() {
    return Optional.ofNullable(processingEnv.getElementUtils().getTypeElement(GENERATED)).map(ClassName::get);
  }

  private Report newReport(Element scope) {
    return new Report(processingEnv.getMessager(), trees, options, scope);
  }

  private void internalError(Element element, String what, Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    Report report = newReport(element);
    report.at(element == null ? Position.ofCompilation() : Position.of(element), Message.InternalError, what, trace);
    report.print();
  }
}
