// seed-secret-in-main: SECRET_KEY has no initializer; App.main assigns it. The error points at that
// assignment, the statement that never runs in a servlet container, and names the setting.
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

def error = reported('ERROR', 'App.java', [lineOf('App.java', 'Config.SECRET_KEY =')], 'SecretAssignedOutsideConfig')
assert error.contains('SECRET_KEY') && error.contains('main()') : "the error names neither SECRET_KEY nor main(): ${error}"
expect('COMPILATION ERROR')
expect('BUILD FAILURE')
assert !log.contains('[InternalError]') : 'the processor crashed'
return true
