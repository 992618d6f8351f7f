package com.salesledger.benchmark;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.salesledger.command.history.HistoryGenerator;
import com.salesledger.command.history.HistoryShape;
import com.salesledger.command.history.Recording;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * {@code ./ledger benchmark}: writes a generated history into the event store, starts the ledger
 * with its start script against the same PostgreSQL, and measures it against limits measured in the
 * same run. See README "Benchmark" for the options.
 */
public final class Benchmark {

  private final Map<String, String> options;
  private final Report report = new Report();
  private final AtomicLong peakRss = new AtomicLong();

  private Benchmark(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    run(args);
    System.exit(0);
  }

  /** Runs the whole benchmark; answers the folder of its report. */
  public static Path run(String... args) throws Exception {
    // connections kept alive per host for the load's blocking clients (the JDK keeps 5)
    System.setProperty("http.maxConnections", "32");
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("options look like --events=1000000; got " + arg);
      }
      String[] kv = arg.substring(2).split("=", 2);
      options.put(kv[0], kv.length > 1 ? kv[1] : "true");
    }
    return new Benchmark(options).measure();
  }

  private String option(String name, String fallback) {
    String value = options.get(name);
    return value != null ? value : fallback;
  }

  /** The serializer the ledger uses for events (Jackson, ISO dates, no nulls). */
  static Serializer eventSerializer() {
    return JacksonSerializer.builder()
        .objectMapper(
            JsonMapper.builder()
                .findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build())
        .build();
  }

  private Path measure() throws Exception {
    long targetEvents = Long.parseLong(option("events", "200000"));
    int deals =
        // about 6.5 events a deal (measured: 9.3 million events of 1.43 million deals)
        Integer.parseInt(option("deals", Long.toString(Math.max(1, targetEvents * 10 / 65))));
    double seconds = Double.parseDouble(option("seconds", "10"));
    Path root = Path.of(option("project", ".")).toAbsolutePath().normalize();
    Path out = Path.of(option("out", "benchmark/report")).toAbsolutePath();
    Serializer serializer = eventSerializer();
    try (Database db = database()) {
      report.context(
          String.format(
              Locale.ROOT,
              "%s, PostgreSQL %s, %d cores, %s",
              LocalDate.now(),
              db.isEmbedded() ? "embedded (zonky 16)" : "external " + db.url,
              Runtime.getRuntime().availableProcessors(),
              option("note", "machine shared with other work")));
      report.context("load average (1, 5, 15 min) at the start: " + loadAverage());
      DataSource dataSource = db.dataSource();
      int commandPort = Integer.parseInt(option("command-port", "18080"));
      int queryPort = Integer.parseInt(option("query-port", "18081"));
      // A first start makes the schema. The history is generated with no ledger running, so its
      // events can carry their business dates as recording times (Recording.ON_BUSINESS_DATE):
      // a live processor must not read the table while generator threads commit out of order.
      long existing;
      try (LedgerProcess schema =
          LedgerProcess.start(root, db, commandPort, queryPort, out.resolve("ledger-schema.log"))) {
        awaitUp(schema);
        existing = count(dataSource, "select count(*) from domain_event_entry");
      }
      if (existing == 0) {
        generate(dataSource, serializer, deals);
      } else {
        report.context("event store already holds " + existing + " events: not generated again");
      }
      try (LedgerProcess ledger =
          LedgerProcess.start(root, db, commandPort, queryPort, out.resolve("ledger.log"))) {
        Thread sampler = rssSampler(ledger);
        awaitUp(ledger);
        report.context(
            "ledger pid " + ledger.pid() + ", started with ./ledger (its default JAVA_OPTS)");
        Http admin = Http.login(queryPort, "admin", "demo");
        report.context("authentication: " + admin.scheme);
        long events = count(dataSource, "select count(*) from domain_event_entry");
        awaitCaughtUp(admin, "live projections");
        awaitEveryProcessor(dataSource);
        vacuum(dataSource);
        warm(dataSource);
        if (!skipped("commands")) {
          commands(ledger, dataSource, seconds);
        }
        if (!skipped("queries")) {
          queries(ledger, dataSource, seconds);
        }
        if (!skipped("rebuild")) {
          rebuild(admin, dataSource, serializer, events);
        }
        report.context(
            String.format(
                Locale.ROOT,
                "event store: %,d events",
                count(dataSource, "select count(*) from domain_event_entry")));
        long rss = peakRss.get();
        report.add(
            new Report.Line(
                "ledger resident memory, peak over the run (one JVM, both apps)",
                rss + " MiB",
                "goal 600 MiB",
                600.0 / rss,
                1.0,
                ""));
        sampler.interrupt();
        report.context("load average (1, 5, 15 min) at the end: " + loadAverage());
      }
    }
    report.write(out);
    System.out.println(
        "Report: " + out.resolve("REPORT.md") + " and " + out.resolve("benchmark.png"));
    return out;
  }

  /** Seconds of the same load before each measurement, not measured: 3, at most its own. */
  private static double warmup(double seconds) {
    return Math.min(3, seconds);
  }

  /** {@code --skip=commands,rebuild} leaves those measurements out (e.g. to re-measure queries). */
  private boolean skipped(String measurement) {
    boolean skip = List.of(option("skip", "").split(",")).contains(measurement);
    if (skip) {
      report.context(measurement + ": not measured in this run (--skip)");
    }
    return skip;
  }

  private Database database() {
    String url = options.get("db");
    if (url != null) {
      return Database.external(url, option("db-user", "postgres"), option("db-password", ""));
    }
    Path dir = Path.of(option("data", "data/benchmark")).toAbsolutePath();
    return Database.embedded(dir, Integer.parseInt(option("db-port", "54335")));
  }

  private Thread rssSampler(LedgerProcess ledger) {
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted() && ledger.alive()) {
                peakRss.accumulateAndGet(ledger.residentMiB(), Math::max);
                try {
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "rss-sampler");
    sampler.setDaemon(true);
    sampler.start();
    return sampler;
  }

  private void awaitUp(LedgerProcess ledger) throws InterruptedException {
    Http anonymous = Http.anonymous(ledger.queryPort);
    for (int i = 0; i < 600; i++) {
      if (!ledger.alive()) {
        throw new IllegalStateException("the ledger stopped; see its log");
      }
      if (anonymous.get("/actuator/health").status() == 200) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the ledger did not come up in 5 minutes");
  }

  private void generate(DataSource dataSource, Serializer serializer, int deals)
      throws InterruptedException {
    HistoryShape shape =
        HistoryShape.designScale(deals, Long.parseLong(option("seed", "20261125")));
    int threads = Integer.parseInt(option("threads", "2"));
    HistoryGenerator generator =
        new HistoryGenerator(
            dataSource, serializer, Clock.systemUTC(), 30, Recording.ON_BUSINESS_DATE);
    long start = System.nanoTime();
    HistoryGenerator.Result result =
        generator.generate(
            shape,
            threads,
            "benchmark history",
            (done, total, events) -> progressBar("generating", done, total, events, start));
    System.out.println();
    report.context(
        String.format(
            Locale.ROOT,
            "generated %,d events of %,d deals (%,d reps in %d teams, %,d customers, %d years) in %.0f s:"
                + " %,.0f events/s; %d generated commands refused by business rules",
            result.events(),
            result.deals(),
            shape.teams() * shape.repsPerTeam(),
            shape.teams(),
            shape.customers(),
            shape.years(),
            result.millis() / 1000.0,
            result.eventsPerSecond(),
            result.commandsRefused()));
  }

  private static void progressBar(String what, int done, int total, long events, long startNanos) {
    int width = 40;
    int filled = (int) ((long) width * done / total);
    double secs = (System.nanoTime() - startNanos) / 1e9;
    double rate = events / Math.max(secs, 0.001);
    double left = done == 0 ? 0 : secs * (total - done) / done;
    System.out.printf(
        Locale.ROOT,
        "\r%s [%s%s] %,d/%,d deals, %,d events, %,.0f events/s, %.0f s left   ",
        what,
        "#".repeat(filled),
        ".".repeat(width - filled),
        done,
        total,
        events,
        rate,
        left);
  }

  /**
   * {@code VACUUM (ANALYZE)} of the whole database once everything has caught up, as after any bulk
   * load: straight after generation most pages are not yet marked all-visible, so index-only scans
   * fetch their rows from the table until autovacuum comes round, which may be after the
   * measurement has ended (README, "Latest figures").
   */
  private void vacuum(DataSource dataSource) throws Exception {
    long start = System.nanoTime();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("vacuum (analyze)");
    }
    report.context(
        String.format(
            Locale.ROOT,
            "vacuum (analyze) before measuring: %.0f s",
            (System.nanoTime() - start) / 1e9));
  }

  /**
   * Reads every table and index of the ledger into the operating system's page cache, as a ledger
   * in use has them: between runs this machine's kernel paged the 8.7 GB database of 10 million
   * events out (DAMON, pageout), and a run that started cold answered the as-of dashboard ten times
   * slower than one that did not (README, "Latest figures"). Without pg_prewarm (an external
   * PostgreSQL without contrib) the report says the run started as it found the cache.
   */
  private void warm(DataSource dataSource) throws Exception {
    long start = System.nanoTime();
    long blocks;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("create extension if not exists pg_prewarm");
      try (var rs =
          s.executeQuery(
              "select coalesce(sum(pg_prewarm(c.oid, 'read')), 0) from pg_class c"
                  + " where c.relkind in ('r', 'i', 'm', 't')"
                  + " and c.relnamespace = 'public'::regnamespace")) {
        rs.next();
        blocks = rs.getLong(1);
      }
    } catch (java.sql.SQLException e) {
      report.context("page cache not warmed (pg_prewarm unavailable: " + e.getMessage() + ")");
      return;
    }
    report.context(
        String.format(
            Locale.ROOT,
            "every table and index read into the page cache before measuring (pg_prewarm):"
                + " %,d blocks in %.0f s",
            blocks,
            (System.nanoTime() - start) / 1e9));
  }

  /** Waits until the command side's processors have caught up too (see {@link Processors}). */
  private void awaitEveryProcessor(DataSource dataSource) throws Exception {
    long start = System.nanoTime();
    Map<String, Long> behind = Processors.behind(dataSource);
    while (!behind.isEmpty()) {
      System.out.printf(
          Locale.ROOT,
          "\rother processors behind the head: %s (%.0f s)   ",
          behind,
          (System.nanoTime() - start) / 1e9);
      Thread.sleep(1000);
      behind = Processors.behind(dataSource);
    }
    double secs = (System.nanoTime() - start) / 1e9;
    if (secs > 5) {
      System.out.println();
      report.context(
          String.format(
              Locale.ROOT,
              "the command side's processors caught up %.0f s after the projections",
              secs));
    }
  }

  private void awaitCaughtUp(Http admin, String what) throws InterruptedException {
    long start = System.nanoTime();
    long firstPosition = -1;
    while (true) {
      Http.Answer reply = admin.get("/api/admin/projections");
      if (reply.status() != 200) {
        // busy or briefly unavailable (e.g. 503 while the database is loaded): ask again
        System.out.printf(
            Locale.ROOT, "%n%s: projections answered %d, asking again%n", what, reply.status());
        Thread.sleep(2000);
        continue;
      }
      JsonNode answer = reply.json();
      long head = answer.get("head").asLong();
      long lowest = Long.MAX_VALUE;
      boolean all = true;
      for (JsonNode p : answer.get("projections")) {
        lowest = Math.min(lowest, p.get("position").asLong());
        all &= p.get("lag").asLong() == 0 && p.get("position").asLong() >= 0;
      }
      if (firstPosition < 0) {
        firstPosition = Math.max(0, lowest);
      }
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "\r%s: at %,d of %,d (%.0f s)   ", what, lowest, head, secs);
      if (all) {
        System.out.println();
        if (secs > 5) {
          report.context(
              String.format(
                  Locale.ROOT,
                  "%s caught up %,d events in %.0f s after generation (%,.0f events/s)",
                  what,
                  head - firstPosition,
                  secs,
                  (head - firstPosition) / secs));
        }
        return;
      }
      Thread.sleep(1000);
    }
  }

  private void commands(LedgerProcess ledger, DataSource dataSource, double seconds)
      throws Exception {
    Http manager = Http.login(ledger.commandPort, "manager1", "demo");
    String run = Long.toString(System.currentTimeMillis(), 36);
    String close = LocalDate.now().plusMonths(3).toString();
    RawLimits raw = new RawLimits(dataSource, eventSerializer());
    byte[][] sample = sampleEvent(dataSource);
    for (int senders : new int[] {1, 8}) {
      Load.run(
          senders,
          warmup(seconds),
          t -> {
            Http own = manager.forThread();
            return (thread, n) -> openDeal(own, "W" + senders + run, thread, n, close);
          });
      Load.Result http =
          Load.run(
              senders,
              seconds,
              t -> {
                Http own = manager.forThread();
                // ids of their own per run: thread 0 of the 8-sender run repeating the 1-sender
                // run's ids made hundreds of 409s that counted as failed commands
                return (thread, n) -> openDeal(own, "B" + senders + run, thread, n, close);
              });
      Load.Result jdbc = raw.singleRowCommits(senders, seconds, sample[0], sample[1]);
      report.add(
          new Report.Line(
              "commands/s through HTTP, "
                  + senders
                  + " sender(s) (open deal, "
                  + manager.scheme
                  + ")",
              String.format(Locale.ROOT, "%,.0f/s", http.perSecond()),
              String.format(Locale.ROOT, "%,.0f single-row commits/s", jdbc.perSecond()),
              http.perSecond() / jdbc.perSecond(),
              senders == 8 ? 0.5 : Double.NaN,
              http.failures() > 0 ? http.failures() + " failed" : ""));
    }
  }

  private static boolean openDeal(Http http, String run, int thread, long n, String close) {
    String body =
        String.format(
            Locale.ROOT,
            "{\"dealId\":\"%s-%d-%d\",\"customerId\":\"C-000001\",\"ownerRep\":\"rep2\","
                + "\"productLine\":\"software\","
                + "\"amount\":12000,\"expectedCloseDate\":\"%s\"}",
            run,
            thread,
            n,
            close);
    return http.post("/api/deals", body).status() == 201;
  }

  /**
   * The payload and metadata of a real DealOpened event: the size of a row the raw limit writes.
   */
  private static byte[][] sampleEvent(DataSource dataSource) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select payload, meta_data from domain_event_entry where payload_type like"
                    + " '%DealOpened' order by global_index desc limit 1")) {
      r.next();
      return new byte[][] {r.getBytes(1), r.getBytes(2)};
    }
  }

  private void queries(LedgerProcess ledger, DataSource dataSource, double seconds)
      throws Exception {
    // finance sees the whole company: the widest (slowest) answer of every query
    Http reader = Http.login(ledger.queryPort, "finance1", "demo");
    List<String> invoices = sample(dataSource, "select invoice_id from invoice_view");
    List<String> reps = sample(dataSource, "select distinct owner_rep from deal_view");
    int year = LocalDate.now().getYear() - 1;
    List<String> dashboards = new ArrayList<>();
    for (String period : new String[] {Integer.toString(year), year + "-06"}) {
      for (String by : new String[] {"rep", "team", "region", "productLine", "month"}) {
        dashboards.add("/api/dashboard/sales?period=" + period + "&groupBy=" + by);
      }
    }
    Map<String, java.util.function.Supplier<String>> kinds = new java.util.LinkedHashMap<>();
    kinds.put(
        "dashboard (year and month x rep, team, region, productLine, month)",
        () -> dashboards.get(ThreadLocalRandom.current().nextInt(dashboards.size())));
    // The dashboard and the ageing keep their answers while their read model does not move, and a
    // run of questions on an unchanged ledger is mostly answered from them: these lines ask the
    // same questions with Cache-Control: no-cache, which has every answer computed.
    java.util.Set<String> computed = new java.util.HashSet<>();
    String dashboardComputed =
        "dashboard (the same questions), each computed anew (Cache-Control: no-cache)";
    computed.add(dashboardComputed);
    kinds.put(
        dashboardComputed,
        () -> dashboards.get(ThreadLocalRandom.current().nextInt(dashboards.size())));
    // As of an instant between the first and the last recorded event: the generated history is
    // recorded on its business dates (five years), so these answers read month sums for the
    // months before the instant's, day sums of its month and the single events of its day, as on
    // a ledger used for five years.
    String dashboardAsOf =
        "dashboard as of a recorded instant (year and month x the five groupings)";
    java.time.Instant[] recorded = recordedSpan(dataSource);
    kinds.put(
        dashboardAsOf,
        () ->
            dashboards.get(ThreadLocalRandom.current().nextInt(dashboards.size()))
                + "&asOf="
                + recordedInstant(recorded));
    kinds.put(
        "deal list (one rep's deals, or open deals, 50 a page)",
        () ->
            ThreadLocalRandom.current().nextBoolean()
                ? "/api/deals?owner=" + pick(reps) + "&size=50"
                : "/api/deals?status=OPEN&size=50&page=" + ThreadLocalRandom.current().nextInt(20));
    kinds.put("invoice (by id)", () -> "/api/receivables/invoices/" + pick(invoices));
    // Targets: a year's revenue or collections target of the company, a region, a team or a rep
    // (the generated plan decomposes each year's down to every rep), with its revision history;
    // now (goal p99 50 ms) and as known at a recorded instant (goal 500 ms).
    List<String> targetScopes = new ArrayList<>(List.of("COMPANY"));
    sample(dataSource, "select distinct region from deal_view")
        .forEach(r -> targetScopes.add("REGION:" + r));
    sample(dataSource, "select distinct team from deal_view")
        .forEach(t -> targetScopes.add("TEAM:" + t));
    reps.forEach(r -> targetScopes.add("REP:" + r));
    java.util.function.Supplier<String> target =
        () ->
            "/api/targets?scope="
                + pick(targetScopes)
                + "&period="
                + (year - ThreadLocalRandom.current().nextInt(3))
                + "&metric="
                + (ThreadLocalRandom.current().nextBoolean() ? "REVENUE" : "COLLECTIONS");
    kinds.put("targets (a year's target of the company, a region, a team or a rep)", target);
    String targetsAsOf = "targets as of a recorded instant";
    kinds.put(targetsAsOf, () -> target.get() + "&asOf=" + recordedInstant(recorded));
    // Ageing: today (goal p99 50 ms) and a past date within the last five years (goal 500 ms),
    // grouped by customer, rep, team or region.
    String[] ageingGroups = {"customer", "rep", "team", "region"};
    Map<String, Double> goalMs = new java.util.HashMap<>();
    String ageingToday = "ageing today (by customer, rep, team, region)";
    kinds.put(
        ageingToday,
        () ->
            "/api/receivables/ageing?groupBy="
                + ageingGroups[ThreadLocalRandom.current().nextInt(ageingGroups.length)]);
    String ageingTodayComputed =
        "ageing today (the same questions), each computed anew (Cache-Control: no-cache)";
    computed.add(ageingTodayComputed);
    kinds.put(
        ageingTodayComputed,
        () ->
            "/api/receivables/ageing?groupBy="
                + ageingGroups[ThreadLocalRandom.current().nextInt(ageingGroups.length)]);
    String ageingPast = "ageing as of a past date (last 5 years, by customer, rep, team, region)";
    kinds.put(
        ageingPast,
        () ->
            "/api/receivables/ageing?groupBy="
                + ageingGroups[ThreadLocalRandom.current().nextInt(ageingGroups.length)]
                + "&asOf="
                + LocalDate.now().minusDays(1 + ThreadLocalRandom.current().nextInt(1825)));
    goalMs.put(ageingPast, 500.0);
    goalMs.put(dashboardAsOf, 500.0);
    goalMs.put(targetsAsOf, 500.0);
    List<String> only =
        options.containsKey("queries") ? List.of(options.get("queries").split(",")) : List.of();
    if (!only.isEmpty()) {
      report.context("queries: only those whose line names " + only + " (--queries)");
    }
    warmUp(reader, kinds, computed, only);
    for (Map.Entry<String, java.util.function.Supplier<String>> kind : kinds.entrySet()) {
      if (!only.isEmpty() && only.stream().noneMatch(kind.getKey()::contains)) {
        continue;
      }
      double goal = goalMs.getOrDefault(kind.getKey(), 50.0);
      for (int clients : new int[] {1, 4}) {
        java.util.function.IntFunction<Load.Operation> client =
            t -> {
              Http own = reader.forThread();
              boolean anew = computed.contains(kind.getKey());
              return (thread, n) -> own.status(kind.getValue().get(), anew) == 200;
            };
        Load.run(clients, warmup(seconds), client);
        Load.Result result = Load.run(clients, seconds, client);
        double p99 = result.percentileMillis(99);
        report.add(
            new Report.Line(
                kind.getKey() + ", " + clients + " client(s)",
                String.format(
                    Locale.ROOT, "p50 %.1f ms, p99 %.1f ms", result.percentileMillis(50), p99),
                String.format(Locale.ROOT, "goal p99 %.0f ms", goal),
                goal / p99,
                1.0,
                String.format(
                    Locale.ROOT,
                    "%,.0f queries/s%s",
                    result.perSecond(),
                    result.failures() > 0 ? ", " + result.failures() + " failed" : "")));
      }
    }
  }

  /**
   * {@code --warmup=SECONDS}: the questions about to be measured, mixed at random and asked by two
   * clients for that long before any is measured. The ledger's JIT compiles a path once it has run
   * hot, and on two cores its compiler thread takes CPU from the answers while it does: under the
   * mix of dashboards and ageings its compile time per 30 s fell from 7 s to 0.1 s over three
   * minutes. A ledger in use has long passed that.
   */
  private void warmUp(
      Http reader,
      Map<String, java.util.function.Supplier<String>> kinds,
      java.util.Set<String> computed,
      List<String> only)
      throws InterruptedException {
    double seconds = Double.parseDouble(option("warmup", "0"));
    if (seconds <= 0) {
      return;
    }
    List<String> names =
        kinds.keySet().stream()
            .filter(name -> only.isEmpty() || only.stream().anyMatch(name::contains))
            .toList();
    Load.Result result =
        Load.run(
            2,
            seconds,
            t -> {
              Http own = reader.forThread();
              return (thread, n) -> {
                String name = names.get(ThreadLocalRandom.current().nextInt(names.size()));
                return own.status(kinds.get(name).get(), computed.contains(name)) == 200;
              };
            });
    report.context(
        String.format(
            Locale.ROOT,
            "warm-up before measuring: the measured questions mixed, 2 clients, %.0f s, %,d answers"
                + " (--warmup)",
            seconds,
            result.operations() + result.failures()));
  }

  /** A random instant between the first and the last stored event. */
  private static java.time.Instant recordedInstant(java.time.Instant[] recorded) {
    long span = Math.max(1, recorded[1].toEpochMilli() - recorded[0].toEpochMilli());
    return recorded[0].plusMillis(ThreadLocalRandom.current().nextLong(span));
  }

  /** The instants of the first and the last stored event. */
  private static java.time.Instant[] recordedSpan(DataSource dataSource) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("select min(time_stamp), max(time_stamp) from domain_event_entry")) {
      r.next();
      return new java.time.Instant[] {
        java.time.Instant.parse(r.getString(1)), java.time.Instant.parse(r.getString(2))
      };
    }
  }

  private static String pick(List<String> values) {
    return values.get(ThreadLocalRandom.current().nextInt(values.size()));
  }

  private static List<String> sample(DataSource dataSource, String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql + " limit 2000")) {
      while (r.next()) {
        values.add(r.getString(1));
      }
    }
    if (values.isEmpty()) {
      throw new IllegalStateException("no rows for " + sql);
    }
    return values;
  }

  private void rebuild(Http admin, DataSource dataSource, Serializer serializer, long events)
      throws Exception {
    long start = System.nanoTime();
    Http.Answer started = admin.post("/api/admin/projections/rebuild", "");
    if (started.status() != 202) {
      throw new IllegalStateException(
          "rebuild not started: " + started.status() + " " + started.body());
    }
    JsonNode progress;
    do {
      Thread.sleep(2000);
      progress = admin.get("/api/admin/projections").json().get("rebuild");
      System.out.printf(
          Locale.ROOT,
          "\rrebuild: %s %,d of %,d events, %,.0f events/s, %s s left   ",
          progress.get("state").asText(),
          progress.get("eventsDone").asLong(),
          progress.get("eventsTotal").asLong(),
          progress.get("eventsPerSecond").asDouble(),
          progress.path("secondsLeft").asText("?"));
    } while (progress.get("state").asText().matches("RUNNING|SWAPPING"));
    System.out.println();
    double secs = (System.nanoTime() - start) / 1e9;
    if (!progress.get("state").asText().equals("DONE")) {
      throw new IllegalStateException("rebuild failed: " + progress.path("failure").asText());
    }
    long done = progress.get("eventsDone").asLong();
    double ledgerRate = done / secs;
    double rawRate =
        new RawLimits(dataSource, serializer)
            .scanDeserializeWrite(Integer.parseInt(option("raw-batch", "1000")));
    report.add(
        new Report.Line(
            String.format(
                Locale.ROOT, "full rebuild of every projection (%,d events, %.0f s)", done, secs),
            String.format(Locale.ROOT, "%,.0f events/s", ledgerRate),
            String.format(
                Locale.ROOT, "%,.0f events/s raw scan+deserialize+batched write", rawRate),
            ledgerRate / rawRate,
            0.5,
            ""));
    report.add(
        new Report.Line(
            "full rebuild time",
            String.format(Locale.ROOT, "%.0f s", secs),
            "goal 600 s at 10 million events",
            600.0 * done / 10_000_000.0 / secs,
            1.0,
            "scaled to 10 million events"));
  }

  /** Other work on the machine skews every figure: the report says how busy it was. */
  private static String loadAverage() {
    try {
      String[] parts = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static long count(DataSource dataSource, String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
