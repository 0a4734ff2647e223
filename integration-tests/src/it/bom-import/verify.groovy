// bom-import: the build resolved every sessionconfig artifact through the BOM (a missing version would have
// stopped it before compiling), the processor ran and generated the loader, and the JDBC store was on the class
// path (or the processor would have failed the build with [MissingStoreModule]).
evaluate(new File(itSupport, 'checks.groovy'))
expect('BUILD SUCCESS')
assert !log.contains('[ERROR]') : 'errors in build.log'
assert new File(basedir, 'target/generated-sources/annotations/com/example/bom/ConfigLoader.java').isFile() :
    'the processor did not run: no ConfigLoader.java'
assert new File(basedir, 'target/classes/com/example/bom/ConfigLoader.class').isFile() : 'ConfigLoader was not compiled'

// The BOM lists every published artifact of the build: each module that makes sources and javadoc jars (those
// never published skip them), and each comes with its sources and javadoc jars, with sources and pages in them.
def root = new File(itSupport).parentFile.parentFile.parentFile
// The invoker's Groovy has no groovy-xml: the JDK's DOM, and the direct children of an element by name.
def parse = { File file -> javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file).documentElement }
def children = { element, String name ->
  def list = element.childNodes
  (0..<list.length).collect { list.item(it) }.findAll { it.nodeType == org.w3c.dom.Node.ELEMENT_NODE && it.nodeName == name }
}
def text = { element, String name -> children(element, name).collect { it.textContent.trim() }.find() ?: '' }

def rootPom = parse(new File(root, 'pom.xml'))
def version = text(rootPom, 'version')
def bom = parse(new File(localRepositoryPath,
    "dev/sessionconfig/sessionconfig-bom/${version}/sessionconfig-bom-${version}.pom"))
assert children(bom, 'parent').isEmpty() : 'the BOM has a parent, whose dependency management users would import too'
def managed = children(bom, 'dependencyManagement').collectMany { children(it, 'dependencies') }
    .collectMany { children(it, 'dependency') }.collect { text(it, 'artifactId') } as Set
def published = []
children(rootPom, 'modules').collectMany { children(it, 'module') }.each { module ->
  def dir = new File(root, module.textContent.trim())
  def pom = parse(new File(dir, 'pom.xml'))
  def skipsJavadoc = children(pom, 'properties').any { text(it, 'maven.javadoc.skip') == 'true' }
  if (text(pom, 'packaging') == 'pom' || skipsJavadoc) {
    return
  }
  def artifactId = text(pom, 'artifactId')
  published << artifactId
  assert managed.contains(artifactId) : "sessionconfig-bom does not list ${artifactId} (${dir})"
  ['sources': '.java', 'javadoc': 'index.html'].each { classifier, entry ->
    def jar = new File(dir, "target/${artifactId}-${version}-${classifier}.jar")
    assert jar.isFile() : "no ${classifier} jar for ${artifactId}: ${jar}"
    def names = new java.util.zip.ZipFile(jar).withCloseable { zip -> zip.entries().collect { it.name } }
    assert names.any { it.endsWith(entry) } : "${jar} holds no ${entry}"
  }
}
assert published.size() >= 7 : "too few published modules found: ${published}"
assert managed == (published as Set) : "the BOM lists ${managed}, the build publishes ${published}"
return true
