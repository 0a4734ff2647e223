// seed-stray-session-type: the session type sits in App, not in the @SessionConfig class.
evaluate(new File(itSupport, 'checks.groovy'))
// The error is on the config class (its annotation or its declaration line).
reported('ERROR', 'Config.java', [lineOf('Config.java', '@SessionConfig'), lineOf('Config.java', 'public class Config')],
    'MissingSessionType')
// The warning points at the constant that was meant to configure sessions.
reported('WARNING', 'App.java', [lineOf('App.java', 'static final String SESSION_TYPE =')], 'StraySetting')
compilationFailed()
return true
