// seed-memcache-typo: SESSION_TYPE = "memcache".
evaluate(new File(itSupport, 'checks.groovy'))
def error = reported('ERROR', 'Config.java', [lineOf('Config.java', 'static final String SESSION_TYPE =')],
    'UnknownSessionType')
assert error.contains("did you mean 'memcached'") : "no did-you-mean in: ${error}"
compilationFailed()
return true
