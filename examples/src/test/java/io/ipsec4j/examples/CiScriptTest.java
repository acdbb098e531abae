package io.ipsec4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Keeps {@code .ci/run} free of the bug that made CI fail at random before any test ran.
 *
 * <p>With {@code set -o pipefail}, {@code mvn -v 2>&1 | head -1} fails whenever {@code head}
 * exits before the JVM has written its last line: the JVM gets EPIPE and exits 1 (7 of 10 runs
 * on a CI machine). Any reader that may stop early ({@code head}, {@code grep -q}, {@code grep -m},
 * {@code sed …q}) has the same problem, so the script must not pipe into one. The test also runs
 * the script's version preamble ten times in a row and checks that the CI command is README's.
 *
 * <p>After README's command, the script installs the reactor and runs {@code examples/consumer}
 * (outside the reactor) against the BOM of the reactor's version, then the suite on JDK 25 with
 * the command README documents; the tests below keep the script, README and the POMs in step.
 */
class CiScriptTest {

    private static final String INSTALL = "mvn -B -q -DskipTests install";
    private static final String CONSUMER = "examples/consumer/run";
    private static final String JDK25 = "/usr/lib/jvm/temurin-25-jdk-amd64";
    private static final String JDK25_COMMAND = "mvn -B verify -DexcludedGroups=interop";

    /** Readers that may exit before their writer has finished: a pipe into one can fail. */
    private static final List<String> EARLY_EXIT_READERS =
            List.of("head", "grep -q", "grep -m", "grep --quiet", "grep -l", "sed -n 1p", "sed q", "awk 'NR==1");

    @Test
    void ciScriptPipesIntoNoReaderThatMayExitEarly() throws IOException {
        Path script = repositoryFile(".ci/run");
        List<String> offending = earlyExitPipelines(Files.readAllLines(script, StandardCharsets.UTF_8));
        assertThat(offending).as("pipelines in .ci/run whose reader may exit early").isEmpty();
    }

    @Test
    void detectorFindsTheLinesThatFailedCi() {
        assertThat(earlyExitPipelines(List.of(
                        "java -version 2>&1 | head -1",
                        "mvn -v 2>&1 | head -1",
                        "  dpkg-query -W -f='${Status}' \"$p\" 2>/dev/null | grep -q \"install ok installed\" || missing=x",
                        "# a comment | head -1",
                        "a || b",
                        "out=\"$(mvn -B -v 2>&1 || true)\"")))
                .hasSize(3);
    }

    @Test
    void ciScriptRunsTheExactTestCommandOfReadme() throws IOException {
        String command = readmeCiCommand();
        assertThat(command).startsWith("mvn ");
        List<String> script = Files.readAllLines(repositoryFile(".ci/run"), StandardCharsets.UTF_8);
        assertThat(script).contains(command);
    }

    /** The command README.md names as CI's, from the code block after "with exactly this command:". */
    private static String readmeCiCommand() throws IOException {
        String readme = Files.readString(repositoryFile("README.md"), StandardCharsets.UTF_8);
        int marker = readme.indexOf("with exactly this command:");
        assertThat(marker).as("README names the CI command").isNotNegative();
        int fence = readme.indexOf("```sh\n", marker);
        return readme.substring(fence + 6, readme.indexOf('\n', fence + 6)).strip();
    }

    private static Element pom(String relative) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(repositoryFile(relative).toFile()).getDocumentElement();
    }

    private static List<Element> elements(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** The text of a direct child element, or null. */
    private static String child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }

    @Test
    void ciScriptInstallsTheReactorAndRunsTheConsumerAfterReadmesCommand() throws IOException {
        List<String> script = Files.readAllLines(repositoryFile(".ci/run"), StandardCharsets.UTF_8);
        int test = script.indexOf(readmeCiCommand());
        int install = script.indexOf(INSTALL);
        int consumer = script.indexOf(CONSUMER);
        assertThat(test).as("README's CI command in .ci/run").isNotNegative();
        assertThat(install).as("the install step comes after the tests").isGreaterThan(test);
        assertThat(consumer).as("the consumer runs on what was installed").isGreaterThan(install);
        assertThat(Files.isExecutable(repositoryFile(CONSUMER))).as(CONSUMER + " is executable").isTrue();
    }

    @Test
    void consumerImportsTheBomOfTheReactorsVersionAndPinsNothingElseOfOurs() throws Exception {
        Element root = pom("pom.xml");
        String version = child(root, "version");
        Element bom = pom("ipsec-bom/pom.xml");
        assertThat(child(bom, "version")).as("BOM version").isEqualTo(version);
        for (Element dep : elements(bom, "dependency")) {
            assertThat(child(dep, "version")).as("BOM entry %s", child(dep, "artifactId")).isEqualTo(version);
        }

        Element consumer = pom("examples/consumer/pom.xml");
        assertThat(child(elements(consumer, "properties").get(0), "ipsec4j.version"))
                .as("examples/consumer builds against the reactor's version").isEqualTo(version);
        assertThat(elements(consumer, "modules")).as("the consumer is a plain project").isEmpty();
        assertThat(Files.readString(repositoryFile("pom.xml"))).doesNotContain("<module>examples/consumer</module>");
        List<Element> deps = elements(consumer, "dependency");
        assertThat(deps).filteredOn(d -> "import".equals(child(d, "scope")))
                .extracting(d -> child(d, "artifactId")).containsExactly("ipsec-bom");
        assertThat(deps).filteredOn(d -> !"import".equals(child(d, "scope")))
                .as("ipsec4j dependencies take their versions from the BOM").isNotEmpty()
                .allSatisfy(d -> assertThat(child(d, "version")).isNull());
    }

    @Test
    void ciScriptRunsTheJdk25CommandReadmeDocuments() throws IOException {
        String readme = Files.readString(repositoryFile("README.md"), StandardCharsets.UTF_8);
        List<String> script = Files.readAllLines(repositoryFile(".ci/run"), StandardCharsets.UTF_8);
        assertThat(readme).contains("JAVA_HOME=" + JDK25 + " " + JDK25_COMMAND);
        assertThat(script).contains("JDK25=" + JDK25).anySatisfy(
                line -> assertThat(line.strip()).isEqualTo("JAVA_HOME=\"$JDK25\" " + JDK25_COMMAND));
    }

    @Test
    void versionPreambleSucceedsTenTimesInARow() throws Exception {
        Path script = repositoryFile(".ci/run");
        assumeTrue(onPath("bash") && onPath("mvn"), "bash and mvn are needed to run the CI preamble");
        for (int run = 1; run <= 10; run++) {
            ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
            pb.environment().put("IPSEC4J_CI_PREAMBLE_ONLY", "1");
            Process process = pb.start();
            byte[] output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("preamble run %d ended", run).isTrue();
            String text = new String(output, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as("preamble run %d exit code; output:%n%s", run, text).isZero();
            assertThat(text).contains("version").contains("Maven");
        }
    }

    static List<String> earlyExitPipelines(List<String> lines) {
        List<String> offending = new ArrayList<>();
        for (String line : lines) {
            String code = line.strip();
            if (code.startsWith("#")) {
                continue;
            }
            // Split on single '|' only: '||' is "or", not a pipe.
            String[] stages = code.replace("||", "\u0000").split("\\|");
            for (int i = 1; i < stages.length; i++) {
                String reader = stages[i].replace('\u0000', '|').strip();
                if (EARLY_EXIT_READERS.stream().anyMatch(reader::startsWith)) {
                    offending.add(line);
                    break;
                }
            }
        }
        return offending;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Finds a file of the repository by walking up from the module's working directory. */
    private static Path repositoryFile(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate) && Files.isDirectory(dir.resolve(".ci"))) {
                return candidate;
            }
        }
        assumeTrue(false, "not inside the ipsec4j repository: " + relative + " not found");
        throw new AssertionError("unreachable");
    }
}
