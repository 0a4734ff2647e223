// jdk17-classpath-only: javac 17 discovers the processor on the class path, which rejects the literal key.
evaluate(new File(itSupport, 'checks.groovy'))
ranOnJava('17')
reported('ERROR', 'Config.java', [lineOf('Config.java', 'static final String SECRET_KEY =')], 'LiteralSecretKey')
expect('BUILD FAILURE')
return true
