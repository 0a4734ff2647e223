package dev.sessionconfig.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.sessionconfig.processor.model.ConfigModel;
import dev.sessionconfig.processor.model.SettingModel;
import dev.sessionconfig.processor.facts.StoredTypeFacts.ArrayOf;
import dev.sessionconfig.processor.facts.StoredTypeFacts.Component;
import dev.sessionconfig.processor.facts.StoredTypeFacts.EnumType;
import dev.sessionconfig.processor.facts.StoredTypeFacts.Named;
import dev.sessionconfig.processor.facts.StoredTypeFacts.Primitive;
import dev.sessionconfig.processor.facts.StoredTypeFacts.RecordType;
import dev.sessionconfig.processor.facts.StoredTypeFacts.SerializableType;
import dev.sessionconfig.processor.facts.StoredTypeFacts.StoredType;
import dev.sessionconfig.processor.facts.TypeNameFacts;
import dev.sessionconfig.processor.facts.StoredTypeFacts.TypeShape;
import dev.sessionconfig.processor.facts.StoredTypeFacts.Variable;
import dev.sessionconfig.processor.facts.StoredTypeFacts.Wildcard;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The codecs of the records and enums a config lists in SESSION_ATTRIBUTE_TYPES, as classes nested in its loader:
 * a record is written and read component by component (each checked against its declared type, generics included),
 * an enum by constant name; no reflection.
 */
final class CodecWriter {
  private static final String VALUES = "dev.sessionconfig.runtime.values";
  private static final ClassName VALUE_CODEC = ClassName.get(VALUES, "ValueCodec");
  private static final ClassName VALUE_WRITER = ClassName.get(VALUES, "ValueWriter");
  private static final ClassName VALUE_READER = ClassName.get(VALUES, "ValueReader");
  private static final ClassName VALUE_TYPE = ClassName.get(VALUES, "ValueType");
  private static final ClassName ATTRIBUTE_TYPES = ClassName.get(VALUES, "AttributeTypes");
  private static final ClassName INCOMPATIBLE = ClassName.get(VALUES, "IncompatibleValueException");
  private static final ClassName LIST = ClassName.get("java.util", "List");

  private CodecWriter() {}

  /** Each record's and enum's codec class, by the type's qualified name: {@code Outer_ItemCodec}, unique. */
  static Map<String, ClassName> names(ConfigModel model) {
    Map<String, ClassName> names = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (SettingModel setting : model.settings()) {
      if (!(setting instanceof SettingModel.AttributeTypes declared)) {
        continue;
      }
      for (StoredType type : declared.types()) {
        if (type instanceof SerializableType) {
          continue;
        }
        String base = String.join("_", type.type().simpleNames());
        String name = base + "Codec";
        for (int n = 2; !taken.add(name); n++) {
          name = base + n + "Codec";
        }
        names.put(type.type().canonicalName(), model.loaderClass().nestedClass(name));
      }
    }
    return names;
  }

  /** {@code AttributeTypes.of(List.of(CartCodec.INSTANCE, ...), List.<Class<? extends Serializable>>of(...))}. */
  static CodeBlock registration(List<StoredType> types, Map<String, ClassName> codecs) {
    List<CodeBlock> instances = new ArrayList<>();
    List<CodeBlock> serializable = new ArrayList<>();
    for (StoredType type : types) {
      if (type instanceof SerializableType) {
        serializable.add(CodeBlock.of("$T.class", className(type.type())));
      } else {
        instances.add(CodeBlock.of("$T.INSTANCE", codecs.get(type.type().canonicalName())));
      }
    }
    TypeName serializableClass = ParameterizedTypeName.get(ClassName.get(Class.class),
        WildcardTypeName.subtypeOf(Serializable.class));
    return CodeBlock.of("$T.of($T.of($L), $T.<$T>of($L))", ATTRIBUTE_TYPES, LIST, CodeBlock.join(instances, ", "),
        LIST, serializableClass, CodeBlock.join(serializable, ", "));
  }

  static List<TypeSpec> codecs(List<StoredType> types, Map<String, ClassName> codecs) {
    List<TypeSpec> specs = new ArrayList<>();
    for (StoredType type : types) {
      ClassName name = codecs.get(type.type().canonicalName());
      if (type instanceof RecordType record) {
        specs.add(recordCodec(record, name));
      } else if (type instanceof EnumType enumType) {
        specs.add(enumCodec(enumType, name));
      }
    }
    return specs;
  }

  private static TypeSpec recordCodec(RecordType record, ClassName name) {
    boolean generic = record.generic();
    ClassName type = className(record.type());
    TypeSpec.Builder codec = codecClass(name, type);
    if (generic) {
      // A generic record's codec works on the raw type: its type arguments exist only in the code that uses it.
      codec.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
          .addMember("value", "{$S, $S}", "rawtypes", "unchecked").build());
    }
    MethodSpec.Builder write = MethodSpec.methodBuilder("write").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).addParameter(type, "value").addParameter(VALUE_WRITER, "out");
    List<CodeBlock> arguments = new ArrayList<>();
    boolean uncheckedCast = false;
    for (Component component : record.components()) {
      String constant = component.name().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
      codec.addField(FieldSpec.builder(VALUE_TYPE, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer(valueType(component.type())).build());
      write.addStatement("out.component($S, value.$L())", component.name(), component.name());
      TypeName cast = generic ? raw(component.type()) : typeName(component.type());
      uncheckedCast |= cast instanceof ParameterizedTypeName;
      arguments.add(CodeBlock.of("($T) in.component($S, $L)", cast, component.name(), constant));
    }
    MethodSpec.Builder read = MethodSpec.methodBuilder("read").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(type).addParameter(VALUE_READER, "in").addException(INCOMPATIBLE)
        .addStatement("return new $T($L)", type, CodeBlock.join(arguments, ", "));
    if (uncheckedCast && !generic) {
      read.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
    }
    return codec.addMethod(write.build()).addMethod(read.build()).build();
  }

  private static TypeSpec enumCodec(EnumType enumType, ClassName name) {
    ClassName type = className(enumType.type());
    CodeBlock.Builder cases = CodeBlock.builder().beginControlFlow("switch (in.constant())");
    for (String constant : enumType.constants()) {
      cases.add("case $S:\n", constant).indent().addStatement("return $T.$L", type, constant).unindent();
    }
    cases.add("default:\n").indent().addStatement("throw in.noSuchConstant()").unindent().endControlFlow();
    return codecClass(name, type)
        .addMethod(MethodSpec.methodBuilder("write").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .addParameter(type, "value").addParameter(VALUE_WRITER, "out")
            .addStatement("out.constant(value.name())").build())
        .addMethod(MethodSpec.methodBuilder("read").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(type).addParameter(VALUE_READER, "in").addException(INCOMPATIBLE).addCode(cases.build())
            .build())
        .build();
  }

  /** The class, its INSTANCE and {@code type()}, shared by record and enum codecs. */
  private static TypeSpec.Builder codecClass(ClassName name, ClassName type) {
    return TypeSpec.classBuilder(name)
        .addModifiers(Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(VALUE_CODEC, type))
        .addJavadoc("Stores {@link $T} in a session; generated from SESSION_ATTRIBUTE_TYPES.\n", type)
        .addField(FieldSpec.builder(name, "INSTANCE", Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T()", name).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("type").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(ClassName.get(Class.class), type))
            .addStatement("return $T.class", type).build());
  }

  /** The runtime check of a component's declared type, generics included. */
  private static CodeBlock valueType(TypeShape type) {
    if (type instanceof Named named) {
      ClassName raw = className(named.type());
      Integer arguments = dev.sessionconfig.StoredTypes.CONTAINERS.get(named.type().canonicalName());
      List<TypeShape> actual = named.arguments();
      if (arguments == null) {
        return CodeBlock.of("$T.of($T.class)", VALUE_TYPE, raw);
      }
      CodeBlock first = actual.isEmpty() ? CodeBlock.of("$T.ANY", VALUE_TYPE) : valueType(actual.get(0));
      if (named.type().canonicalName().equals("java.util.Optional")) {
        return CodeBlock.of("$T.optional($L)", VALUE_TYPE, first);
      }
      if (arguments == 2) {
        CodeBlock second = actual.size() < 2 ? CodeBlock.of("$T.ANY", VALUE_TYPE) : valueType(actual.get(1));
        return CodeBlock.of("$T.map($T.class, $L, $L)", VALUE_TYPE, raw, first, second);
      }
      return CodeBlock.of("$T.collection($T.class, $L)", VALUE_TYPE, raw, first);
    }
    if (type instanceof ArrayOf) {
      return CodeBlock.of("$T.of($T.class)", VALUE_TYPE, raw(type));
    }
    if (type instanceof Wildcard wildcard) {
      return wildcard.extendsBound().map(CodecWriter::valueType).orElseGet(() -> CodeBlock.of("$T.ANY", VALUE_TYPE));
    }
    if (type instanceof Primitive primitive) {
      return CodeBlock.of("$T.of($T.class)", VALUE_TYPE, primitive(primitive));
    }
    return CodeBlock.of("$T.ANY", VALUE_TYPE); // a type variable or an intersection
  }

  /** The erasure of a type, as a generic record's raw codec names it. */
  private static TypeName raw(TypeShape type) {
    if (type instanceof Named named) {
      return className(named.type());
    }
    if (type instanceof ArrayOf array) {
      return ArrayTypeName.of(raw(array.component()));
    }
    if (type instanceof Variable variable) {
      return raw(variable.bound());
    }
    if (type instanceof Wildcard wildcard) {
      return wildcard.extendsBound().map(CodecWriter::raw).orElse(ClassName.OBJECT);
    }
    if (type instanceof Primitive primitive) {
      return primitive(primitive);
    }
    return ClassName.OBJECT; // an intersection
  }

  /** The type as written, generics included. */
  private static TypeName typeName(TypeShape type) {
    if (type instanceof Named named) {
      ClassName raw = className(named.type());
      if (named.arguments().isEmpty()) {
        return raw;
      }
      List<TypeName> arguments = new ArrayList<>();
      named.arguments().forEach(argument -> arguments.add(typeName(argument)));
      return ParameterizedTypeName.get(raw, arguments.toArray(TypeName[]::new));
    }
    if (type instanceof ArrayOf array) {
      return ArrayTypeName.of(typeName(array.component()));
    }
    if (type instanceof Variable variable) {
      return TypeVariableName.get(variable.name());
    }
    if (type instanceof Wildcard wildcard) {
      return wildcard.superBound().<TypeName>map(bound -> WildcardTypeName.supertypeOf(typeName(bound)))
          .orElseGet(() -> WildcardTypeName.subtypeOf(wildcard.extendsBound().map(CodecWriter::typeName)
              .orElse(ClassName.OBJECT)));
    }
    if (type instanceof Primitive primitive) {
      return primitive(primitive);
    }
    return ClassName.OBJECT;
  }

  private static TypeName primitive(Primitive primitive) {
    switch (primitive.keyword()) {
      case "boolean":
        return TypeName.BOOLEAN;
      case "byte":
        return TypeName.BYTE;
      case "short":
        return TypeName.SHORT;
      case "char":
        return TypeName.CHAR;
      case "int":
        return TypeName.INT;
      case "long":
        return TypeName.LONG;
      case "float":
        return TypeName.FLOAT;
      case "double":
        return TypeName.DOUBLE;
      default:
        throw new IllegalArgumentException("not a primitive type: " + primitive.keyword());
    }
  }

  private static ClassName className(TypeNameFacts type) {
    List<String> names = type.simpleNames();
    return ClassName.get(type.packageName(), names.get(0), names.subList(1, names.size()).toArray(String[]::new));
  }
}
