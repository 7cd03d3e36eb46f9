package io.tessera.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.tessera.api.TrainingEvent.Kind;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class TrainingListenersTest {
  private final List<String> lines = new ArrayList<>();

  private static TrainingEvent at(long millis, Kind kind, int epoch, long step, Map<String, Double> metrics) {
    return new TrainingEvent(kind, "train", epoch, step, 400, "samples", 100.0, Duration.ofMillis(millis), metrics);
  }

  @Test
  void linesReportPhaseBoundariesEveryEpochAndProgressAtMostOncePerInterval() {
    TrainingListener l = TrainingListeners.lines(Duration.ofSeconds(5), lines::add);

    l.onEvent(at(0, Kind.PHASE_STARTED, 0, 0, Map.of()));
    l.onEvent(at(100, Kind.PROGRESS, 0, 10, Map.of("loss", 2.0)));
    l.onEvent(at(4_900, Kind.PROGRESS, 0, 100, Map.of("loss", 1.5)));
    l.onEvent(at(5_000, Kind.PROGRESS, 0, 150, Map.of("loss", 1.25)));
    l.onEvent(at(5_100, Kind.EPOCH_FINISHED, 1, 200, Map.of("loss", 1.0)));
    l.onEvent(at(9_000, Kind.PROGRESS, 1, 300, Map.of("loss", 0.75)));
    l.onEvent(at(10_100, Kind.PROGRESS, 1, 350, Map.of("loss", 0.5)));
    l.onEvent(at(10_200, Kind.PHASE_FINISHED, 2, 400, Map.of("loss", 0.25)));

    assertThat(lines).containsExactly(
        "train: started (400 samples)",
        "train: 37% (150/400 samples), 100 samples/s, ETA 0:03; loss=1.25",
        "train: epoch 1 done at 5.1 s, 50% (200/400 samples); loss=1",
        "train: epoch 1, 87% (350/400 samples), 100 samples/s, ETA 0:01; loss=0.5",
        "train: done in 10.2 s (400 samples, 100 samples/s); loss=0.25");
  }

  @Test
  void manyShortEpochsGiveAtMostOneLineASecond() {
    TrainingListener l = TrainingListeners.lines(Duration.ofSeconds(5), lines::add);

    IntStream.rangeClosed(1, 50).forEach(i -> l.onEvent(at(i * 100L, Kind.EPOCH_FINISHED, i, i, Map.of())));

    assertThat(lines).hasSize(5).first().asString().startsWith("train: epoch 1 done");
    assertThat(lines).last().asString().startsWith("train: epoch 41 done");
  }

  @Test
  void aNewPhaseRestartsTheThrottle() {
    TrainingListener l = TrainingListeners.lines(Duration.ofSeconds(5), lines::add);

    l.onEvent(at(6_000, Kind.PROGRESS, 0, 10, Map.of()));
    l.onEvent(new TrainingEvent(Kind.PROGRESS, "sweep", 0, 3, 0, "sweeps", 1.0, Duration.ofMillis(10), Map.of()));

    assertThat(lines).hasSize(2).last().asString().isEqualTo("sweep: 3 sweeps, 1.00 sweeps/s");
  }

  @Test
  void progressArrivingAfterItsPhaseEndedIsDropped() {
    TrainingListener l = TrainingListeners.lines(Duration.ZERO, lines::add);

    l.onEvent(at(1_000, Kind.PHASE_FINISHED, 0, 400, Map.of()));
    l.onEvent(at(990, Kind.PROGRESS, 0, 399, Map.of()));
    l.onEvent(at(0, Kind.PHASE_STARTED, 0, 0, Map.of()));

    assertThat(lines).containsExactly("train: done in 1.0 s (400 samples, 100 samples/s)",
        "train: started (400 samples)");
  }

  @Test
  void linesSayStoppedWhenTheRunWasCancelled() {
    CancellationToken run = new CancellationToken();
    TrainingListener l = TrainingListeners.lines(Duration.ZERO, run, lines::add);

    run.cancel("interrupted");
    l.onEvent(at(1_500, Kind.PHASE_FINISHED, 0, 120, Map.of()));

    assertThat(lines).containsExactly("train: stopped after 1.5 s (120 samples, 100 samples/s)");
  }

  @Test
  void loggingWritesTheLinesAtInfo() {
    List<String> logged = new ArrayList<>();
    TrainingListener l = TrainingListeners.logging(logger(true, logged), Duration.ofSeconds(10));

    l.onEvent(at(0, Kind.PHASE_STARTED, 0, 0, Map.of()));
    l.onEvent(at(200, Kind.PROGRESS, 0, 20, Map.of()));
    l.onEvent(at(900, Kind.PHASE_FINISHED, 0, 400, Map.of("loss", 0.5)));

    assertThat(logged).containsExactly("INFO train: started (400 samples)",
        "INFO train: done in 0.9 s (400 samples, 100 samples/s); loss=0.5");
  }

  @Test
  void loggingIsSilentWhenInfoIsOff() {
    List<String> logged = new ArrayList<>();
    TrainingListener l = TrainingListeners.logging(logger(false, logged), Duration.ZERO);

    l.onEvent(at(0, Kind.PHASE_STARTED, 0, 0, Map.of()));

    assertThat(logged).isEmpty();
  }

  @Test
  void theDefaultLoggingListenerUsesTheProgressLogger() {
    assertThatCode(() -> TrainingListeners.logging().onEvent(at(0, Kind.PHASE_STARTED, 0, 0, Map.of())))
        .doesNotThrowAnyException();
    assertThat(TrainingListeners.LOGGER).isEqualTo("io.tessera.progress");
  }

  @Test
  void callbackGetsEveryEventInOrderOneAtATime() throws InterruptedException {
    List<Long> steps = new CopyOnWriteArrayList<>();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    TrainingListener l = TrainingListeners.callback(e -> {
      if (inside.incrementAndGet() > 1) {
        overlaps.incrementAndGet();
      }
      steps.add(e.step());
      Thread.onSpinWait();
      inside.decrementAndGet();
    });

    List<Thread> threads = IntStream.range(0, 4).mapToObj(t -> Thread.ofPlatform().start(() -> {
      for (int i = 0; i < 500; i++) {
        l.onEvent(at(i, Kind.PROGRESS, 0, t * 1000L + i, Map.of()));
      }
    })).toList();
    for (Thread t : threads) {
      t.join();
    }

    assertThat(overlaps).hasValue(0);
    assertThat(steps).hasSize(2000);
    for (int t = 0; t < 4; t++) {
      long base = t * 1000L;
      assertThat(steps.stream().filter(s -> s >= base && s < base + 500).toList())
          .as("thread %d's events keep their order", t).isSorted().hasSize(500);
    }
  }

  @Test
  void aFailingCallbackDoesNotStopTheEvents() {
    List<Long> seen = new ArrayList<>();
    TrainingListener l = TrainingListeners.callback(e -> {
      seen.add(e.step());
      throw new IllegalStateException("broken callback");
    });

    assertThatCode(() -> {
      l.onEvent(at(0, Kind.PROGRESS, 0, 1, Map.of()));
      l.onEvent(at(100, Kind.PROGRESS, 0, 2, Map.of()));
    }).doesNotThrowAnyException();
    assertThat(seen).containsExactly(1L, 2L);
  }

  /** A logger that records its INFO calls as {@code "INFO " + argument}. */
  private static Logger logger(boolean infoEnabled, List<String> logged) {
    return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
        (proxy, method, args) -> {
          if (method.getName().equals("isInfoEnabled")) {
            return infoEnabled;
          }
          if (method.getName().equals("info") && args != null && args.length == 2) {
            logged.add("INFO " + args[1]);
          }
          if (method.getReturnType() == boolean.class) {
            return false;
          }
          return method.getName().equals("getName") ? "test" : null;
        });
  }
}
