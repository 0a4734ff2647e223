// Runs this case only where the JDK 25 it is about is installed; elsewhere it is reported as skipped.
def jdk = new File(jdk25Home)
def release = new File(jdk, 'release')
if (!new File(jdk, 'bin/java').canExecute() || !release.isFile() || !(release.text =~ /JAVA_VERSION="25[."]/)) {
  def message = "[WARNING] SKIPPED ${basedir.name}: no JDK 25 at ${jdk} (run with -Djdk25.home=/path/to/jdk-25)"
  println message  // into build.log; the invoker captures System.out and System.err, so also onto the console:
  new PrintStream(new FileOutputStream(FileDescriptor.err), true).println(message)
  return false
}
return true
