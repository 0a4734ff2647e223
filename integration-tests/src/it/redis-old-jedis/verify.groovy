// redis-old-jedis: the application's tests ran, all three, and passed (a store on the application's old Jedis
// would have failed them with NoSuchMethodError).
evaluate(new File(itSupport, 'checks.groovy'))

def report = new File(basedir, 'target/surefire-reports/TEST-com.example.oldjedis.OldJedisTest.xml')
assert report.isFile() : "the application's tests did not run: no ${report}"
def suite = (report.text =~ /<testsuite [^>]*>/)[0]
def count = { String name -> (suite =~ /\b${name}="(\d+)"/)[0][1] as int }
assert count('tests') == 3 : "expected 3 tests, ran ${count('tests')}: ${suite}"
assert count('failures') == 0 && count('errors') == 0 && count('skipped') == 0 :
    "tests failed, errored or were skipped: see ${report}"
assert !log.contains('NoSuchMethodError') : 'NoSuchMethodError in build.log'

// The store's POM, as the build resolved it, names none of the libraries inside its jar: users get them only there.
def poms = []
new File(localRepositoryPath, 'dev/sessionconfig/sessionconfig-redis').eachFileRecurse { if (it.name.endsWith('.pom')) poms << it }
assert !poms.isEmpty() : "no sessionconfig-redis POM under ${localRepositoryPath}"
poms.each { pom ->
  ['jedis', 'commons-pool2', 'gson', 'json', 'redis-authx-core'].each { library ->
    assert !pom.text.contains("<artifactId>${library}</artifactId>") : "${pom} still depends on ${library}"
  }
}
expect('BUILD SUCCESS')
return true
