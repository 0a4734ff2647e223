// seed-good: compiled with no processor diagnostic, a ConfigLoader was generated, and Main loaded it.
evaluate(new File(itSupport, 'checks.groovy'))

// The processor ran and generated the loader next to the config class.
def loader = new File(basedir, 'target/generated-sources/annotations/com/example/seed/ConfigLoader.java')
assert loader.isFile() : "not generated: ${loader}"
def source = loader.text
assert source.contains('class ConfigLoader') : "${loader} declares no class ConfigLoader"
[/public\s+static\s+(dev\.sessionconfig\.runtime\.)?SessionSettings\s+load\(\s*\)/,
 /public\s+static\s+(dev\.sessionconfig\.runtime\.)?SessionSettings\s+load\(\s*(final\s+)?(dev\.sessionconfig\.runtime\.)?ConfigSource\s+\w+\s*\)/,
 /public\s+static\s+String\s+describe\(\s*(final\s+)?(dev\.sessionconfig\.runtime\.)?ConfigSource\s+\w+\s*\)/].each { signature ->
  assert source =~ signature : "${loader} has no method matching ${signature}"
}
assert source.contains('Generated') : "${loader} is not marked @Generated"
assert new File(basedir, 'target/classes/com/example/seed/ConfigLoader.class').isFile() : 'ConfigLoader was not compiled'

// Nothing to say about a good config, and nothing for javac's -Xlint:all to say about it or the generated
// code (SPEC section 6): not one warning in the whole build.
def noisy = lines.findAll { it.startsWith('[WARNING]') || it.startsWith('[ERROR]') }
assert noisy.isEmpty() : "warnings in the build of a good config (compiled with -Xlint:all):\n${noisy.join('\n')}"

// Main's output (exec:java): the settings the loader produced from the given environment.
expect('sessionType=FILESYSTEM')
expect('permanentSessionLifetime=PT168H')
expect('secretKeyLength=48')
expect('secretKeyMatches=true')
// describe() names each setting; the secret is masked (Main fails the build if its value shows).
def describe = log.substring(log.indexOf('--- describe ---'), log.indexOf('--- end describe ---'))
['SECRET_KEY', 'SESSION_TYPE', 'PERMANENT_SESSION_LIFETIME'].each { key ->
  assert describe.contains(key) : "describe() does not mention ${key}:\n${describe}"
}
assert describe.toLowerCase().contains('filesystem') : "describe() does not show the session type:\n${describe}"
// Without the variable, load() fails with a message naming the setting and where it was looked for.
def missing = lines.find { it.startsWith('withoutSecretKey=') }
assert missing != null : 'Main printed no withoutSecretKey= line'
assert missing.contains('SECRET_KEY') : "the startup error does not name SECRET_KEY: ${missing}"
expect('BUILD SUCCESS')
return true
