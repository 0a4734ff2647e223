// jdk17-classpath-only: javac 17 discovers the processor on the class path, which rejects the literal key.
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert lines.any { it.startsWith('Java version: 17') } : 'the build did not run on JDK 17'
int line = new File(basedir, 'src/main/java/com/example/seed/Config.java').readLines()
    .findIndexOf { it.contains('static final String SECRET_KEY =') } + 1
assert lines.any { it =~ ~/^\[ERROR\] .*\/com\/example\/seed\/Config\.java:\[${line},\d+\] \[LiteralSecretKey\] / } :
    "no [ERROR] [LiteralSecretKey] at Config.java:${line}; the compiler said:\n" +
    lines.findAll { it.contains('.java:[') || it.contains('COMPILATION') }.join('\n')
assert log.contains('BUILD FAILURE')
return true
