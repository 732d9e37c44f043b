package dev.invitriage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps dependencies pointing inward (see STYLE.md): domain knows nothing, MapDB stays in store,
 * Lanterna in ui/ssh, MINA SSHD in ssh, picocli in cli, and only cli touches the process's streams and exit.
 */
class ArchitectureTest {
  static final String ROOT = "dev.invitriage";
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
  }

  static String pkg(String name) {
    return ROOT + "." + name + "..";
  }

  @Test
  void domainDependsOnTheJdkOnly() {
    noClasses().that().resideInAPackage(pkg("domain"))
        .should().dependOnClassesThat().resideOutsideOfPackages(pkg("domain"), "java..")
        .check(classes);
  }

  @Test
  void textDependsOnTheJdkOnly() {
    noClasses().that().resideInAPackage(pkg("text"))
        .should().dependOnClassesThat().resideOutsideOfPackages(pkg("text"), "java..")
        .check(classes);
  }

  @Test
  void classifyDependsOnDomainAndTextOnly() {
    // text holds what reading untrusted text takes, the JDK only: character references among it.
    noClasses().that().resideInAPackage(pkg("classify"))
        .should().dependOnClassesThat().resideOutsideOfPackages(pkg("classify"), pkg("domain"), pkg("text"), "java..")
        .check(classes);
  }

  @Test
  void formatsDependOnDomainAndTheirLibrariesOnly() {
    noClasses().that().resideInAPackage(pkg("formats"))
        .should().dependOnClassesThat().resideOutsideOfPackages(
            pkg("formats"), pkg("domain"), "java..", "org.apache.commons.io..", "com.fasterxml.jackson..",
            "de.siegmar.fastcsv..")
        .check(classes);
  }

  /** Eclipse Collections' primitive maps come with MapDB, which is built on them. */
  @Test
  void storeDependsOnDomainAndMapDbOnly() {
    noClasses().that().resideInAPackage(pkg("store"))
        .should().dependOnClassesThat().resideOutsideOfPackages(pkg("store"), pkg("domain"), "java..", "org.mapdb..",
            "org.eclipse.collections..")
        .check(classes);
  }

  @Test
  void onlyTheStoreSeesMapDb() {
    noClasses().that().resideOutsideOfPackage(pkg("store"))
        .should().dependOnClassesThat().resideInAPackage("org.mapdb..")
        .check(classes);
  }

  @Test
  void onlyUiAndSshSeeLanterna() {
    noClasses().that().resideOutsideOfPackages(pkg("ui"), pkg("ssh"), pkg("cli"))
        .should().dependOnClassesThat().resideInAPackage("com.googlecode.lanterna..")
        .check(classes);
  }

  @Test
  void onlySshSeesMinaSshd() {
    noClasses().that().resideOutsideOfPackage(pkg("ssh"))
        .should().dependOnClassesThat().resideInAPackage("org.apache.sshd..")
        .check(classes);
  }

  @Test
  void theChannelTerminalKnowsNothingOfTheApp() {
    noClasses().that().haveFullyQualifiedName(ROOT + ".ssh.ChannelTerminal")
        .should().dependOnClassesThat().resideInAnyPackage(pkg("app"), pkg("ui"), pkg("domain"), pkg("store"), pkg("cli"))
        .check(classes);
  }

  @Test
  void onlyTheCliSeesPicocli() {
    noClasses().that().resideOutsideOfPackage(pkg("cli"))
        .should().dependOnClassesThat().resideInAPackage("picocli..")
        .check(classes);
  }

  @Test
  void nothingImportsTheCli() {
    noClasses().that().resideOutsideOfPackage(pkg("cli"))
        .should().dependOnClassesThat().resideInAPackage(pkg("cli"))
        .check(classes);
  }

  @Test
  void appDoesNotReachIntoTheFaces() {
    noClasses().that().resideInAPackage(pkg("app"))
        .should().dependOnClassesThat().resideInAnyPackage(pkg("ui"), pkg("ssh"), pkg("cli"))
        .check(classes);
  }

  @Test
  void onlyTheCliTouchesTheProcessStreamsAndExit() {
    noClasses().that().resideOutsideOfPackage(pkg("cli"))
        .should().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .orShould().callMethod(System.class, "exit", int.class)
        .check(classes);
  }
}
