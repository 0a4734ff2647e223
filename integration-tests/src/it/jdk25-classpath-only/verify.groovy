// jdk25-classpath-only: javac 25 ran no processor from the class path, so the literal key went unchecked.
evaluate(new File(itSupport, 'checks.groovy'))
ranOnJava('25')
// The processor jar was on javac's class path (so only discovery, not the jar, is missing) ...
assert new File(basedir, 'target/classes/com/example/seed/Config.class').isFile() : 'Config was not compiled'
// ... and nothing ran: no loader, no diagnostic.
def generated = new File(basedir, 'target/generated-sources/annotations/com/example/seed/ConfigLoader.java')
assert !generated.exists() : "the processor ran on JDK 25 from the class path: ${generated} exists"
assert !new File(basedir, 'target/classes/com/example/seed/ConfigLoader.class').exists() : 'a ConfigLoader was compiled'
assert !log.contains('[LiteralSecretKey]') : 'the processor ran on JDK 25 from the class path'
assert log.contains('BUILD SUCCESS')
return true
