// Runs this case only where the JDK 25 it is about is installed; elsewhere it is reported as skipped.
evaluate(new File(itSupport, 'checks.groovy'))
return jdkInstalled(jdk25Home, '25')
