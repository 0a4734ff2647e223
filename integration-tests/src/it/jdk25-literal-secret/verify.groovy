// jdk25-literal-secret: seed-literal-secret built by JDK 25; the same error at the same line.
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

reported('ERROR', 'Config.java', [lineOf('Config.java', 'static final String SECRET_KEY =')], 'LiteralSecretKey')
expect('COMPILATION ERROR')
expect('BUILD FAILURE')
assert !log.contains('[InternalError]') : 'the processor crashed'
// Maven (-V) and so its in-process javac ran on JDK 25.
assert lines.any { it.startsWith('Java version: 25') } : 'the build did not run on JDK 25'
return true
