package io.tessera.io;

/** PENDING (helper B). One tensor's header entry. */
public record TensorInfo(String name, DType dtype, long[] shape, long begin, long end) { }
