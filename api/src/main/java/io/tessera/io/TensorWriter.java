package io.tessera.io;

import java.nio.file.Path;
import java.util.List;

/** PENDING (helper B): collects named tensors and metadata, then writes one safetensors file atomically. */
public final class TensorWriter {
  public static TensorWriter create() { throw new UnsupportedOperationException("pending"); }
  public TensorWriter metadata(String key, String value) { throw new UnsupportedOperationException("pending"); }
  public TensorWriter putFloats(String name, float[] data, long... shape) { throw new UnsupportedOperationException("pending"); }
  public TensorWriter putDoubles(String name, double[] data, long... shape) { throw new UnsupportedOperationException("pending"); }
  public TensorWriter putInts(String name, int[] data, long... shape) { throw new UnsupportedOperationException("pending"); }
  public TensorWriter putLongs(String name, long[] data, long... shape) { throw new UnsupportedOperationException("pending"); }
  public TensorWriter putBytes(String name, byte[] data, long... shape) { throw new UnsupportedOperationException("pending"); }
  public TensorWriter putStrings(String name, List<String> strings) { throw new UnsupportedOperationException("pending"); }
  public void write(Path file) { throw new UnsupportedOperationException("pending"); }
}
