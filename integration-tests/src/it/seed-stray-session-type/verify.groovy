// seed-stray-session-type: the session type sits in App, not in the @SessionConfig class.
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
// The 1-based line of the first source line containing text, so the expectations follow the sources.
def lineOf = { String file, String text ->
  int n = new File(basedir, "src/main/java/com/example/seed/${file}").readLines().findIndexOf { it.contains(text) } + 1
  assert n > 0 : "${file} has no line containing: ${text}"
  n
}
// A compiler message of this level, at this file and line (Maven prints javac's as File.java:[line,column]),
// whose text starts with the check's ID.
def reported = { String level, String file, List<Integer> lineNumbers, String id ->
  def hit = lines.find { l -> lineNumbers.any { n ->
      l =~ ~/^\[${level}\] .*\/com\/example\/seed\/${file}:\[${n},\d+\] \[${id}\] / } }
  assert hit != null : "no [${level}] [${id}] at ${file}:${lineNumbers} in build.log; the compiler said:\n" +
      lines.findAll { it.contains('.java:[') || it.contains('COMPILATION') }.join('\n')
  hit
}
def expect = { String text -> assert log.contains(text) : "build.log does not contain: ${text}" }

// The error is on the config class (its annotation or its declaration line).
reported('ERROR', 'Config.java', [lineOf('Config.java', '@SessionConfig'), lineOf('Config.java', 'public class Config')],
    'MissingSessionType')
// The warning points at the constant that was meant to configure sessions.
reported('WARNING', 'App.java', [lineOf('App.java', 'static final String SESSION_TYPE =')], 'StraySetting')
expect('COMPILATION ERROR')
expect('BUILD FAILURE')
assert !log.contains('[InternalError]') : 'the processor crashed'
return true
