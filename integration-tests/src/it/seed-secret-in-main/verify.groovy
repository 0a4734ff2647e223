// seed-secret-in-main: SECRET_KEY has no initializer; App.main assigns it. The error points at that
// assignment, the statement that never runs in a servlet container, and names the setting.
evaluate(new File(itSupport, 'checks.groovy'))
def error = reported('ERROR', 'App.java', [lineOf('App.java', 'Config.SECRET_KEY =')], 'SecretAssignedOutsideConfig')
assert error.contains('SECRET_KEY') && error.contains('main()') : "the error names neither SECRET_KEY nor main(): ${error}"
compilationFailed()
return true
