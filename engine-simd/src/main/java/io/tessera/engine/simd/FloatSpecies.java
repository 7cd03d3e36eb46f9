package io.tessera.engine.simd;

import java.util.OptionalInt;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one float species every kernel uses, fixed at class initialisation. It must be a {@code static final}
 * constant: C2 only turns Vector API calls into machine instructions when the species is a compile-time
 * constant, so a species held in a field would fall back to boxed, allocation-heavy code.
 */
final class FloatSpecies {
  private static final Logger LOG = LoggerFactory.getLogger(FloatSpecies.class);

  /** The species: the CPU's preferred float species, or the width forced by {@link SimdWidth#PROPERTY}. */
  static final VectorSpecies<Float> F = select();
  /** Float lanes of {@link #F}. */
  static final int L = F.length();

  private FloatSpecies() {
  }

  private static VectorSpecies<Float> select() {
    OptionalInt forced = SimdWidth.requested();
    VectorSpecies<Float> preferred = FloatVector.SPECIES_PREFERRED;
    if (forced.isEmpty()) {
      return preferred;
    }
    VectorSpecies<Float> species = VectorSpecies.of(float.class, VectorShape.forBitSize(forced.getAsInt()));
    if (species.vectorBitSize() > preferred.vectorBitSize()) {
      LOG.warn("-D{}={} exceeds this CPU's {}-bit vectors; the Vector API emulates the wider species slowly",
          SimdWidth.PROPERTY, forced.getAsInt(), preferred.vectorBitSize());
    }
    return species;
  }
}
