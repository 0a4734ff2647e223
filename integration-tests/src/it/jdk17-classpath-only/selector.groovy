// Runs this case only where a JDK 17 is installed; elsewhere it is reported as skipped.
evaluate(new File(itSupport, 'checks.groovy'))
return jdkInstalled(jdk17Home, '17')
