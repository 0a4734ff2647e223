// Shared by the cases' verify.groovy and selector.groovy, which run it with `evaluate(new File(itSupport,
// 'checks.groovy'))`: it reads the case's build.log and defines the checks below in the script's binding.
log = new File(basedir, 'build.log').with { it.isFile() ? it.text : '' }
lines = log.readLines()

// The 1-based line of the first source line containing text, so the expectations follow the sources.
lineOf = { String file, String text ->
  int n = new File(basedir, "src/main/java/com/example/seed/${file}").readLines().findIndexOf { it.contains(text) } + 1
  assert n > 0 : "${file} has no line containing: ${text}"
  n
}

// A compiler message of this level, at this file and one of these lines (Maven prints javac's as
// File.java:[line,column]), whose text starts with the check's ID.
reported = { String level, String file, List<Integer> lineNumbers, String id ->
  def hit = lines.find { l -> lineNumbers.any { n ->
      l =~ ~/^\[${level}\] .*\/com\/example\/seed\/${file}:\[${n},\d+\] \[${id}\] / } }
  assert hit != null : "no [${level}] [${id}] at ${file}:${lineNumbers} in build.log; the compiler said:\n" +
      lines.findAll { it.contains('.java:[') || it.contains('COMPILATION') }.join('\n')
  hit
}

expect = { String text -> assert log.contains(text) : "build.log does not contain: ${text}" }

// The build failed in the compiler, on purpose, and the processor itself did not crash.
compilationFailed = {
  expect('COMPILATION ERROR')
  expect('BUILD FAILURE')
  assert !log.contains('[InternalError]') : 'the processor crashed'
}

// Maven (-V) and so its in-process javac ran on this Java version.
ranOnJava = { String version ->
  assert lines.any { it.startsWith("Java version: ${version}") } : "the build did not run on JDK ${version}"
}

// For selector.groovy: whether the JDK this case is about is installed; when not, says so and skips the case.
jdkInstalled = { String home, String version ->
  def jdk = new File(home)
  def release = new File(jdk, 'release')
  if (!new File(jdk, 'bin/java').canExecute() || !release.isFile() || !(release.text =~ /JAVA_VERSION="${version}[."]/)) {
    def message = "[WARNING] SKIPPED ${basedir.name}: no JDK ${version} at ${jdk} (run with -Djdk${version}.home=/path/to/jdk)"
    println message  // into build.log; the invoker captures System.out and System.err, so also onto the console:
    new PrintStream(new FileOutputStream(FileDescriptor.err), true).println(message)
    return false
  }
  return true
}
