package io.tessera.io;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Lazy iteration over a source that returns {@code null} at its end, as the line readers here do. */
final class Lazy {
  private Lazy() {
  }

  /** @return an iterator that calls {@code nextOrNull} once per element, and once more to find the end */
  static <T> Iterator<T> iterator(Supplier<T> nextOrNull) {
    return new Iterator<>() {
      private T ahead;

      @Override
      public boolean hasNext() {
        if (ahead == null) {
          ahead = nextOrNull.get();
        }
        return ahead != null;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        T t = ahead;
        ahead = null;
        return t;
      }
    };
  }

  /** @return a sequential, ordered stream over {@code it} that runs {@code onClose} when closed */
  static <T> Stream<T> stream(Iterator<T> it, Runnable onClose) {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
        false).onClose(onClose);
  }
}
