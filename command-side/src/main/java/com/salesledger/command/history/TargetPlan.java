package com.salesledger.command.history;

import com.salesledger.command.organisation.OrganisationChart;
import com.salesledger.events.common.Period;
import com.salesledger.events.target.DecomposeTarget;
import com.salesledger.events.target.ScopeLevel;
import com.salesledger.events.target.SetTarget;
import com.salesledger.events.target.TargetChild;
import com.salesledger.events.target.TargetIds;
import com.salesledger.events.target.TargetMetric;
import com.salesledger.events.target.TargetScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The targets of a generated sales department: for every year the organisation existed on its first
 * day, a revenue and a collections target for the company, decomposed to the regions, each region's
 * to its teams and each team's to its reps (per the organisation on that day), with seeded uneven
 * shares that add up exactly. Sent after the organisation and before any deal, so the dashboard
 * shows attainment at every level.
 */
final class TargetPlan {

  /** What an average generated deal brings when won (list price times the spread of amounts). */
  private static final double AVERAGE_WON_AMOUNT = 38_000;

  private static final double WIN_RATE = 0.45;

  private final HistoryShape shape;
  private final LocalDate today;

  TargetPlan(HistoryShape shape, LocalDate today) {
    this.shape = shape;
    this.today = today;
  }

  /** The commands, in the order they must be sent: a parent is set before it is decomposed. */
  List<Object> commands(OrganisationChart chart) {
    List<Object> commands = new ArrayList<>();
    LocalDate start = today.minusYears(shape.years());
    double yearlyRevenue = (double) shape.deals() / shape.years() * WIN_RATE * AVERAGE_WON_AMOUNT;
    for (int year = start.getYear(); year <= today.getYear(); year++) {
      LocalDate firstDay = LocalDate.of(year, 1, 1);
      if (chart.regions(firstDay).isEmpty()) {
        continue; // no organisation on the period's first day: nothing to decompose to
      }
      Random random = new Random(shape.seed() * 31 + year);
      Period period = Period.parse(Integer.toString(year));
      // a little growth each year, so the attainment differs from year to year
      double growth = 1 + 0.04 * (year - start.getYear());
      plan(commands, chart, firstDay, period, TargetMetric.REVENUE, yearlyRevenue * growth, random);
      plan(
          commands,
          chart,
          firstDay,
          period,
          TargetMetric.COLLECTIONS,
          yearlyRevenue * growth * 0.95,
          random);
    }
    return commands;
  }

  private void plan(
      List<Object> commands,
      OrganisationChart chart,
      LocalDate firstDay,
      Period period,
      TargetMetric metric,
      double amount,
      Random random) {
    BigDecimal companyAmount = BigDecimal.valueOf(Math.max(1, Math.round(amount / 1_000)) * 1_000);
    TargetScope company = TargetScope.company();
    commands.add(
        new SetTarget(
            company, period, metric, companyAmount, "EUR", "annual plan " + period.year()));
    List<TargetScope> regions = scopes(ScopeLevel.REGION, chart.regions(firstDay));
    List<BigDecimal> regionAmounts = split(companyAmount, regions.size(), random);
    decompose(commands, company, period, metric, regions, regionAmounts);
    for (int r = 0; r < regions.size(); r++) {
      List<TargetScope> teams =
          scopes(ScopeLevel.TEAM, chart.teamsOf(regions.get(r).id(), firstDay));
      List<BigDecimal> teamAmounts = split(regionAmounts.get(r), teams.size(), random);
      decompose(commands, regions.get(r), period, metric, teams, teamAmounts);
      for (int t = 0; t < teams.size(); t++) {
        List<TargetScope> reps = scopes(ScopeLevel.REP, chart.repsOf(teams.get(t).id(), firstDay));
        decompose(
            commands,
            teams.get(t),
            period,
            metric,
            reps,
            split(teamAmounts.get(t), reps.size(), random));
      }
    }
  }

  private static void decompose(
      List<Object> commands,
      TargetScope parent,
      Period period,
      TargetMetric metric,
      List<TargetScope> children,
      List<BigDecimal> amounts) {
    if (children.isEmpty()) {
      return;
    }
    List<TargetChild> parts = new ArrayList<>();
    for (int i = 0; i < children.size(); i++) {
      parts.add(new TargetChild(children.get(i), null, amounts.get(i)));
    }
    commands.add(
        new DecomposeTarget(
            TargetIds.of(parent, period, metric), parts, "annual plan, shared out", null));
  }

  private static List<TargetScope> scopes(ScopeLevel level, Set<String> ids) {
    return new TreeSet<>(ids).stream().map(id -> new TargetScope(level, id)).toList();
  }

  /**
   * {@code total} (whole euros) in {@code parts} shares of 0.8 to 1.2 times an equal one; the last
   * takes what is left, so they add up exactly.
   */
  static List<BigDecimal> split(BigDecimal total, int parts, Random random) {
    List<BigDecimal> shares = new ArrayList<>();
    if (parts == 0) {
      return shares;
    }
    double[] weights = new double[parts];
    double sum = 0;
    for (int i = 0; i < parts; i++) {
      weights[i] = 0.8 + random.nextDouble() * 0.4;
      sum += weights[i];
    }
    BigDecimal given = BigDecimal.ZERO;
    for (int i = 0; i < parts - 1; i++) {
      BigDecimal share =
          BigDecimal.valueOf((long) Math.floor(total.doubleValue() * weights[i] / sum));
      shares.add(share);
      given = given.add(share);
    }
    shares.add(total.subtract(given));
    return shares;
  }
}
