package io.tessera.internal.bootstrap;

import io.tessera.io.TensorFile;
import io.tessera.io.TensorWriter;
import io.tessera.spi.Checkpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checkpoints kept in one file, replaced atomically on every save. With no file configured, saves are
 * skipped and there is nothing to resume from.
 */
record FileCheckpoints(Optional<Path> file, boolean resume) implements Checkpoints {

  @Override
  public boolean enabled() {
    return file.isPresent();
  }

  @Override
  public Optional<TensorFile> latest() {
    return file.filter(f -> resume && Files.exists(f)).map(TensorFile::open);
  }

  @Override
  public void save(TensorWriter state) {
    file.ifPresent(state::write);
  }
}
