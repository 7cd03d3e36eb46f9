package io.tessera.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.engine.ScalarEngine;
import io.tessera.internal.text.RegexTokenizer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The read-ahead thread of multi-threaded vectorizing never outlives the call that started it. */
class ShardSourceTest {

  /** An endless corpus that counts the documents read from it. */
  private static final class Endless implements Iterator<String> {
    final AtomicInteger read = new AtomicInteger();

    @Override
    public boolean hasNext() {
      return true;
    }

    @Override
    public String next() {
      return "document number " + read.incrementAndGet();
    }
  }

  private static boolean readerAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("tessera-text-reader") && t.isAlive());
  }

  @Test
  void aFailureWhileCountingStopsTheReaderBeforeTheCallReturns() throws InterruptedException {
    Endless corpus = new Endless();
    Tokenizer failing = text -> {
      if (text.toString().endsWith(" 20000")) {
        throw new IllegalStateException("tokenizer failed on " + text);
      }
      return List.of(text.toString().split(" "));
    };
    CountVectorizer vectorizer = CountVectorizer.builder(failing).build();
    try (ScalarEngine engine = new ScalarEngine(2)) {
      assertThatThrownBy(() -> Vectorization.fitTransform(vectorizer, null, corpus, engine, 100))
          .isInstanceOf(IllegalStateException.class).hasMessage("tokenizer failed on document number 20000");
    }
    assertThat(readerAlive()).isFalse();
    int readWhenReturned = corpus.read.get();
    Thread.sleep(50);
    assertThat(corpus.read.get()).isEqualTo(readWhenReturned);
  }

  @Test
  void aFailureWhileReadingIsRethrownOnTheCallingThread() {
    Iterator<String> broken = new Iterator<>() {
      private int i;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public String next() {
        if (++i == 7000) {
          throw new IllegalArgumentException("unreadable document 7000");
        }
        return "fine words";
      }
    };
    try (ScalarEngine engine = new ScalarEngine(2)) {
      assertThatThrownBy(() -> Vectorization.fit(CountVectorizer.builder(RegexTokenizer.sklearnDefault()).build(),
          null, broken, engine)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("unreadable document 7000");
    }
    assertThat(readerAlive()).isFalse();
  }
}
