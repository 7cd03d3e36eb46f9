package io.tessera.io;

/** PENDING (helper B): strict small JSON reader/writer. */
public final class Json {
  private Json() { }
  public static Object parse(String text) { throw new UnsupportedOperationException("pending"); }
  public static String write(Object value) { throw new UnsupportedOperationException("pending"); }
}
