/**
 * Files in and out: the safetensors model store ({@link io.tessera.io.TensorWriter}, {@link io.tessera.io.TensorFile}),
 * a strict JSON reader/writer ({@link io.tessera.io.Json}), atomic file replacement
 * ({@link io.tessera.io.AtomicFiles}), and streaming readers for training data: one-document-per-line corpora
 * ({@link io.tessera.io.TextCorpus}), TSV/CSV files with a header ({@link io.tessera.io.DelimitedFile}) and numeric
 * tables ({@link io.tessera.io.NumericTables}).
 *
 * <p>Readers take UTF-8 and decompress gzip transparently; malformed input is a
 * {@link io.tessera.api.BadInputException} (data) or {@link io.tessera.api.ModelFormatException} (model files) whose
 * one-line message names the file and, where there is one, the line.
 */
package io.tessera.io;
