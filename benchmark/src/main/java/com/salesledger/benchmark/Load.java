package com.salesledger.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/** Runs a task on N threads for a fixed time; counts operations and keeps every latency. */
final class Load {

  /** One operation; answers whether it succeeded. {@code n} counts this thread's operations. */
  @FunctionalInterface
  interface Operation {
    boolean run(int thread, long n) throws Exception;
  }

  record Result(long operations, long failures, double seconds, long[] latenciesNanos) {
    double perSecond() {
      return operations / seconds;
    }

    double percentileMillis(double p) {
      if (latenciesNanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
      return latenciesNanos[Math.max(0, Math.min(index, latenciesNanos.length - 1))] / 1e6;
    }
  }

  private Load() {}

  static Result run(int threads, double seconds, Operation operation) throws InterruptedException {
    return run(threads, seconds, t -> operation);
  }

  static Result run(int threads, double seconds, IntFunction<Operation> perThread)
      throws InterruptedException {
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    for (int t = 0; t < threads; t++) {
      int thread = t;
      long[][] mine = {new long[1 << 16]};
      int[] count = {0};
      Operation operation = perThread.apply(thread);
      Thread worker =
          new Thread(
              () -> {
                long n = 0;
                while (System.nanoTime() < end) {
                  long before = System.nanoTime();
                  boolean success;
                  try {
                    success = operation.run(thread, n++);
                  } catch (Exception e) {
                    success = false;
                  }
                  long took = System.nanoTime() - before;
                  if (success) {
                    ok.incrementAndGet();
                    if (count[0] == mine[0].length) {
                      mine[0] = Arrays.copyOf(mine[0], mine[0].length * 2);
                    }
                    mine[0][count[0]++] = took;
                  } else {
                    failed.incrementAndGet();
                  }
                }
                synchronized (latencies) {
                  latencies.add(Arrays.copyOf(mine[0], count[0]));
                }
              });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    double took = (System.nanoTime() - start) / 1e9;
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Result(ok.get(), failed.get(), took, all);
  }
}
