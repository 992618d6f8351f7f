package com.salesledger.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The command side's boundaries: no reading of projections, features apart. */
class ArchitectureTest {

  private final JavaClasses commandSide =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.salesledger.command");

  @Test
  void the_command_side_never_depends_on_the_query_side() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.salesledger.query..")
        .check(commandSide);
  }

  @Test
  void deals_know_nothing_of_receivables_or_demo_data() {
    noClasses()
        .that()
        .resideInAPackage("com.salesledger.command.deal..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.salesledger.command.receivable..", "com.salesledger.command.demo..")
        .check(commandSide);
  }

  @Test
  void receivables_use_only_the_deals_public_face() {
    noClasses()
        .that()
        .resideInAPackage("com.salesledger.command.receivable..")
        .should()
        .dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "non-public classes of the deal feature",
                c ->
                    c.getPackageName().startsWith("com.salesledger.command.deal")
                        && !c.getModifiers()
                            .contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)))
        .check(commandSide);
  }

  @Test
  void features_do_not_use_the_demo_data_generator() {
    noClasses()
        .that()
        .resideOutsideOfPackage("com.salesledger.command.demo..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.salesledger.command.demo..")
        .check(commandSide);
  }
}
