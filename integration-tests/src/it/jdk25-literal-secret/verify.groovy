// jdk25-literal-secret: seed-literal-secret built by JDK 25; the same error at the same line.
evaluate(new File(itSupport, 'checks.groovy'))
reported('ERROR', 'Config.java', [lineOf('Config.java', 'static final String SECRET_KEY =')], 'LiteralSecretKey')
compilationFailed()
ranOnJava('25')
return true
