package com.salesledger.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Projections never reach the command side, and each read model stands on its own. */
class ArchitectureTest {

  private final JavaClasses querySide =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.salesledger.query");

  @Test
  void the_query_side_never_depends_on_the_command_side() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.salesledger.command..")
        .check(querySide);
  }

  @Test
  void read_model_features_do_not_depend_on_one_another() {
    slices()
        .matching("com.salesledger.query.(*)..")
        .should()
        .notDependOnEachOther()
        .ignoreDependency(
            com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                "com.salesledger.query.common.."))
        .check(querySide);
  }
}
