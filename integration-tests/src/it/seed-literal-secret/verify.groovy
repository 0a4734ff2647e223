// seed-literal-secret: SECRET_KEY = "super secret key".
evaluate(new File(itSupport, 'checks.groovy'))
reported('ERROR', 'Config.java', [lineOf('Config.java', 'static final String SECRET_KEY =')], 'LiteralSecretKey')
compilationFailed()
return true
