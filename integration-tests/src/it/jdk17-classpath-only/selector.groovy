// Runs this case only where a JDK 17 is installed; elsewhere it is reported as skipped.
def jdk = new File(jdk17Home)
def release = new File(jdk, 'release')
if (!new File(jdk, 'bin/java').canExecute() || !release.isFile() || !(release.text =~ /JAVA_VERSION="17[."]/)) {
  def message = "[WARNING] SKIPPED ${basedir.name}: no JDK 17 at ${jdk} (run with -Djdk17.home=/path/to/jdk-17)"
  println message  // into build.log; the invoker captures System.out and System.err, so also onto the console:
  new PrintStream(new FileOutputStream(FileDescriptor.err), true).println(message)
  return false
}
return true
