package io.tessera.internal.bootstrap;

import io.tessera.api.ApiVersion;
import io.tessera.api.Model;
import io.tessera.api.ModelCard;
import io.tessera.io.NumericTable;
import io.tessera.io.NumericTables;
import io.tessera.io.TensorFile;
import io.tessera.io.TensorWriter;
import io.tessera.spi.Algorithm;
import io.tessera.spi.ModelCodec;
import io.tessera.spi.ModelFamilyProvider;
import io.tessera.spi.ParamSpec;
import io.tessera.spi.ParamValues;
import io.tessera.spi.Progress;
import io.tessera.spi.Range;
import io.tessera.spi.Trainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A family for platform tests: "column-means" learns the mean of each column, scaled by a hyperparameter. */
final class TestFamily implements ModelFamilyProvider {
  private final String id;
  private final ApiVersion version;

  TestFamily(String id, ApiVersion version) {
    this.id = id;
    this.version = version;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String description() {
    return "test family " + id;
  }

  @Override
  public ApiVersion apiVersion() {
    return version;
  }

  @Override
  public List<Algorithm<?, ?, ?>> algorithms() {
    return List.of(new ColumnMeans(id));
  }

  record MeansConfig(double scale, int passes) {
  }

  record MeansModel(ModelCard card, float[] means) implements Model {
  }

  record ColumnMeans(String family) implements Algorithm<NumericTable, MeansConfig, MeansModel> {
    @Override
    public String id() {
      return "column-means";
    }

    @Override
    public String description() {
      return "mean of every column";
    }

    @Override
    public Class<NumericTable> inputType() {
      return NumericTable.class;
    }

    @Override
    public Class<MeansConfig> configType() {
      return MeansConfig.class;
    }

    @Override
    public Class<MeansModel> modelType() {
      return MeansModel.class;
    }

    @Override
    public List<ParamSpec<?>> params() {
      return List.of(ParamSpec.ofDouble("scale", 1.0, Range.greaterThan(0), "multiplies every mean"),
          ParamSpec.ofInt("passes", 1, Range.closed(1, 1000), "passes over the data (progress test)"));
    }

    @Override
    public MeansConfig configure(ParamValues values) {
      return new MeansConfig(values.getDouble("scale"), values.getInt("passes"));
    }

    @Override
    public Trainer<NumericTable, MeansConfig, MeansModel> trainer() {
      return (table, config, ctx) -> {
        float[] means = new float[table.cols()];
        try (Progress progress = ctx.progress("means", (long) config.passes() * table.rows(), "rows")) {
          for (int pass = 1; pass <= config.passes(); pass++) {
            ctx.cancellation().throwIfCancelled("pass " + pass);
            java.util.Arrays.fill(means, 0f);
            for (int r = 0; r < table.rows(); r++) {
              ctx.engine().axpy(table.cols(), (float) (config.scale() / table.rows()), table.values(),
                  r * table.cols(), means, 0);
              progress.advance(1);
            }
            progress.epochFinished(pass, Map.of("mean0", (double) means[0]));
          }
        }
        return new MeansModel(ctx.card(), means);
      };
    }

    @Override
    public ModelCodec<MeansModel> codec() {
      return new ModelCodec<>() {
        @Override
        public int formatVersion() {
          return 3;
        }

        @Override
        public void write(MeansModel model, TensorWriter out) {
          out.putFloats("means", model.means(), model.means().length);
        }

        @Override
        public MeansModel read(TensorFile in, ModelCard card) {
          return new MeansModel(card, in.floats("means"));
        }
      };
    }

    @Override
    public NumericTable readInput(Path file) {
      return NumericTables.readCsv(file, null);
    }

    @Override
    public String inputDescription() {
      return "CSV of numbers with a header";
    }
  }
}
