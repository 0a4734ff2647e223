// seed-literal-fallback: System.getenv().getOrDefault("SECRET_KEY", "dev-key-change-in-production").
evaluate(new File(itSupport, 'checks.groovy'))
reported('ERROR', 'Config.java', [lineOf('Config.java', 'static final String SECRET_KEY =')], 'LiteralSecretFallback')
compilationFailed()
return true
