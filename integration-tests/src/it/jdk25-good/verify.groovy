// jdk25-good: seed-good built by JDK 25 (javac 23+ runs no processor from the class path, so this proves
// the processor path setup): seed-good's checks, on this case's build.
evaluate(new File(basedir, '../seed-good/verify.groovy'))
expect('javaVersion=25')
ranOnJava('25')
return true
