package io.tessera.engine.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.engine.ComputeEngine;
import io.tessera.engine.ComputeEngineProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The provider, the engine's description and the parallel-execution contract. */
class SimdEngineTest {

  @Test
  void providerIsAvailableHereAndCreatesTheEngine() {
    SimdEngineProvider provider = new SimdEngineProvider();
    assertThat(provider.name()).isEqualTo("simd");
    assertThat(provider.priority()).isEqualTo(100);
    assertThat(provider.unavailableReason()).isEmpty();
    try (ComputeEngine engine = provider.create(2)) {
      assertThat(engine.name()).isEqualTo("simd");
      assertThat(engine.threads()).isEqualTo(2);
      assertThat(engine.vectorBits()).isIn(128, 256, 512);
      assertThat(engine.description())
          .contains(engine.vectorBits() + "-bit", engine.floatLanes() + " float lanes", "FMA", "2 thread(s)");
    }
  }

  @Test
  void serviceLoaderFindsTheProviderThroughTheModuleDescriptor() {
    // tests are patched into io.tessera.engine.simd, which provides but does not use the service
    SimdEngineTest.class.getModule().addUses(ComputeEngineProvider.class);
    List<String> names = ServiceLoader.load(ComputeEngineProvider.class).stream()
        .map(p -> p.get().name()).toList();
    assertThat(names).contains("simd");
  }

  @Test
  void classPathUsersFindTheProviderToo() throws IOException {
    try (InputStream in = SimdEngineProvider.class.getResourceAsStream(
        "/META-INF/services/io.tessera.engine.ComputeEngineProvider")) {
      assertThat(in).isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim())
          .isEqualTo(SimdEngineProvider.class.getName());
    }
  }

  @Test
  void aBadForcedWidthIsReportedInOneLine() {
    String old = System.getProperty(SimdWidth.PROPERTY);
    System.setProperty(SimdWidth.PROPERTY, "300");
    try {
      assertThat(new SimdEngineProvider().unavailableReason()).hasValueSatisfying(reason -> assertThat(reason)
          .contains("tessera.simd.bits=300", "128, 256 or 512").doesNotContain("\n"));
      assertThatThrownBy(() -> new SimdEngineProvider().create(1)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("unavailable");
    } finally {
      if (old == null) {
        System.clearProperty(SimdWidth.PROPERTY);
      } else {
        System.setProperty(SimdWidth.PROPERTY, old);
      }
    }
  }

  @Test
  void parallelForRunsEveryTaskOnceOnSeveralThreads() throws InterruptedException {
    try (SimdEngine engine = new SimdEngine(3)) {
      int tasks = 1000;
      AtomicIntegerArray runs = new AtomicIntegerArray(tasks);
      Set<String> threads = ConcurrentHashMap.newKeySet();
      CountDownLatch allStarted = new CountDownLatch(3);
      engine.parallelFor(tasks, i -> {
        runs.incrementAndGet(i);
        if (threads.add(Thread.currentThread().getName())) {
          allStarted.countDown();
          try {
            // hold each new thread until three are in, so the work really is shared
            allStarted.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      });
      for (int i = 0; i < tasks; i++) {
        assertThat(runs.get(i)).as("task %d", i).isEqualTo(1);
      }
      assertThat(threads).hasSize(3);
      assertThat(threads).anyMatch(name -> name.startsWith("tessera-simd-"));
    }
  }

  @Test
  void nestedCallsRunInlineOnTheTaskThread() {
    try (SimdEngine engine = new SimdEngine(2)) {
      AtomicIntegerArray runs = new AtomicIntegerArray(4 * 5);
      engine.parallelFor(4, outer -> {
        String thread = Thread.currentThread().getName();
        engine.parallelFor(5, inner -> {
          assertThat(Thread.currentThread().getName()).isEqualTo(thread);
          runs.incrementAndGet(outer * 5 + inner);
        });
      });
      for (int i = 0; i < 20; i++) {
        assertThat(runs.get(i)).isEqualTo(1);
      }
    }
  }

  @Test
  void theFirstFailureIsRethrownWithTheOthersSuppressed() {
    try (SimdEngine engine = new SimdEngine(2)) {
      CountDownLatch bothFailing = new CountDownLatch(2);
      assertThatThrownBy(() -> engine.parallelFor(2, i -> {
        bothFailing.countDown();
        try {
          bothFailing.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalArgumentException("task " + i);
      })).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("task ")
          .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
      // the engine still works afterwards
      AtomicIntegerArray runs = new AtomicIntegerArray(3);
      engine.parallelFor(3, runs::incrementAndGet);
      assertThat(runs.get(0) + runs.get(1) + runs.get(2)).isEqualTo(3);
    }
  }

  @Test
  void errorsPassThroughUnwrapped() {
    try (SimdEngine engine = new SimdEngine(2)) {
      assertThatThrownBy(() -> engine.parallelFor(8, i -> {
        if (i == 5) {
          throw new AssertionError("boom");
        }
      })).isInstanceOf(AssertionError.class).hasMessage("boom");
    }
  }

  @Test
  void parallelRowsCoversAllRowsInBlocks() {
    try (SimdEngine engine = new SimdEngine(2)) {
      AtomicIntegerArray rows = new AtomicIntegerArray(103);
      engine.parallelRows(103, 10, (from, to) -> {
        assertThat(to - from).isBetween(1, 10);
        for (int r = from; r < to; r++) {
          rows.incrementAndGet(r);
        }
      });
      for (int r = 0; r < 103; r++) {
        assertThat(rows.get(r)).isEqualTo(1);
      }
    }
  }

  @Test
  void zeroTasksDoNothingAndAClosedEngineRefusesWork() {
    SimdEngine engine = new SimdEngine(2);
    engine.parallelFor(0, i -> {
      throw new AssertionError("must not run");
    });
    engine.close();
    engine.close(); // idempotent
    assertThatThrownBy(() -> engine.parallelFor(4, i -> { })).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void invalidThreadCountsAreRejected() {
    assertThatThrownBy(() -> new SimdEngine(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads");
  }
}
