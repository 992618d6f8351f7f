package com.salesledger.query;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

/**
 * The query side knows nothing of the command side, and each projection feature (deal, dashboard,
 * receivable) is built from the events alone, not from another feature's tables or views.
 */
@AnalyzeClasses(
    packages = "com.salesledger.query",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule the_query_side_does_not_depend_on_the_command_side =
      noClasses()
          .that()
          .resideInAPackage("com.salesledger.query..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.salesledger.command..")
          .because("the two sides share only the events (CQRS)");

  /**
   * Every sub-package of {@code com.salesledger.query} is a slice; only {@code common} may be used
   * by the others (and {@code common} itself depends on no feature). The platform and the events
   * are outside {@code com.salesledger.query}, so they are always allowed.
   */
  @ArchTest
  static final ArchRule feature_packages_do_not_depend_on_one_another =
      slices()
          .matching("com.salesledger.query.(*)..")
          .namingSlices("query feature '$1'")
          .should()
          .notDependOnEachOther()
          .ignoreDependency(alwaysTrue(), resideInAPackage("com.salesledger.query.common.."))
          // The dashboard's attainment asks the targets feature through its one published port.
          .ignoreDependency(
              resideInAPackage("com.salesledger.query.dashboard.."),
              equivalentTo(com.salesledger.query.target.TargetFigures.class))
          .because("each projection is rebuilt from the events on its own");

  @ArchTest
  static final ArchRule common_does_not_depend_on_features =
      noClasses()
          .that()
          .resideInAPackage("com.salesledger.query.common..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("com.salesledger.query..")
                  .and(not(resideInAPackage("com.salesledger.query.common..")))
                  .and(not(equivalentTo(QuerySideApplication.class))))
          .because("common serves every feature and must not grow feature code");

  @ArchTest
  static final ArchRule controllers_hold_no_sql =
      noClasses()
          .that()
          .areAnnotatedWith(RestController.class)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..")
          .because(
              "each feature reads through its own read model; SQL lives there and in the"
                  + " projection");
}
