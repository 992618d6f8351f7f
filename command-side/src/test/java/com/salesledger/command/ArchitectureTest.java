package com.salesledger.command;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.salesledger.command.deal.CreditCheckOnWin;
import com.salesledger.command.deal.Deal;
import com.salesledger.command.deal.InvoiceClaim;
import com.salesledger.command.receivable.CustomerCredit;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The command side knows nothing of the query side, and its feature packages (deal, receivable,
 * demo) stay apart: receivable reaches into deal only through the two types deal publishes for it.
 */
@AnalyzeClasses(
    packages = "com.salesledger.command",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule the_command_side_does_not_depend_on_the_query_side =
      noClasses()
          .that()
          .resideInAPackage("com.salesledger.command..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.salesledger.query..")
          .because("the two sides share only the events (CQRS)");

  @ArchTest
  static final ArchRule deals_do_not_depend_on_receivables =
      noClasses()
          .that()
          .resideInAPackage("com.salesledger.command.deal..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.salesledger.command.receivable..")
          .because("a deal knows what it claimed for invoices, not the invoices themselves");

  @ArchTest
  static final ArchRule receivables_use_only_the_types_deal_publishes =
      noClasses()
          .that()
          .resideInAPackage("com.salesledger.command.receivable..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("com.salesledger.command.deal..")
                  .and(not(equivalentTo(Deal.class).or(equivalentTo(InvoiceClaim.class)))))
          .because(
              "issuing an invoice needs only the Deal aggregate (to claim the amount)"
                  + " and the InvoiceClaim it answers");

  @ArchTest
  static final ArchRule deals_and_receivables_do_not_depend_on_credit =
      noClasses()
          .that()
          .resideInAnyPackage(
              "com.salesledger.command.deal..", "com.salesledger.command.receivable..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.salesledger.command.credit..")
          .because(
              "deals and invoices name what they need from credit as ports"
                  + " (CreditCheckOnWin, CustomerCredit); credit implements them");

  @ArchTest
  static final ArchRule credit_uses_only_the_ports_and_the_deal_it_releases =
      noClasses()
          .that()
          .resideInAPackage("com.salesledger.command.credit..")
          .should()
          .dependOnClassesThat(
              resideInAnyPackage(
                      "com.salesledger.command.deal..", "com.salesledger.command.receivable..")
                  .and(
                      not(
                          equivalentTo(Deal.class)
                              .or(equivalentTo(CreditCheckOnWin.class))
                              .or(equivalentTo(CustomerCredit.class)))))
          .because("credit books held deals (Deal) and implements the two ports, nothing more");

  @ArchTest
  static final ArchRule aggregates_know_nothing_of_http_or_jdbc =
      noClasses()
          .that()
          .areAnnotatedWith(Aggregate.class)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "jakarta.servlet..",
              "org.springframework.web..",
              "org.springframework.http..",
              "java.sql..",
              "javax.sql..",
              "org.springframework.jdbc..")
          .because("aggregates decide from commands and their own events, whoever sends them");

  @ArchTest
  static final ArchRule common_does_not_depend_on_features =
      noClasses()
          .that()
          .resideInAPackage("com.salesledger.command.common..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("com.salesledger.command..")
                  .and(not(resideInAPackage("com.salesledger.command.common..")))
                  .and(not(equivalentTo(CommandSideApplication.class))))
          .because("common serves every feature and must not grow feature code");

  @ArchTest
  static final ArchRule demo_data_goes_through_commands_not_aggregates =
      noClasses()
          .that()
          .resideInAPackage("com.salesledger.command.demo..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.salesledger.command.deal..", "com.salesledger.command.receivable..")
          .because("demo data is sent as commands, so it obeys every rule a user does");
}
