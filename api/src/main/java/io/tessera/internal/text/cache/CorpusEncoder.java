package io.tessera.internal.text.cache;

import io.tessera.engine.ComputeEngine;
import io.tessera.text.Tokenizer;
import io.tessera.text.Vocabulary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The second pass of a preparation: tokenizes and encodes documents with a finished vocabulary and streams the
 * token ids (I32) and document offsets (I64, starting with 0) as little-endian bytes into two files.
 *
 * <p>Documents are cut into blocks of {@link #BLOCK_DOCUMENTS}, a bounded batch of blocks is encoded in parallel
 * and the blocks are written in order, so memory stays bounded and the files are the same for any thread count.
 * Unknown tokens are dropped or mapped as {@link Vocabulary#idOrOov} says.
 */
public final class CorpusEncoder {
  /** Documents per parallel block: fixed, so shard boundaries never depend on the thread count. */
  static final int BLOCK_DOCUMENTS = 512;
  private static final int BUFFER_BYTES = 1 << 16;

  /**
   * What was written.
   *
   * @param documents      documents encoded
   * @param tokens         ids written
   * @param emptyDocuments documents with no id (blank, or every token dropped)
   */
  public record Result(long documents, long tokens, long emptyDocuments) {
  }

  private CorpusEncoder() {
  }

  /** Encodes every document of {@code texts} into {@code idsFile} and {@code offsetsFile} (both replaced). */
  public static Result encode(Iterator<String> texts, Tokenizer tokenizer, Vocabulary vocabulary,
                              ComputeEngine engine, Path idsFile, Path offsetsFile) throws IOException {
    int batchBlocks = Math.max(1, engine.threads()) * 4;
    long documents = 0;
    long tokens = 0;
    long empty = 0;
    try (LittleEndianFile ids = new LittleEndianFile(idsFile);
         LittleEndianFile offsets = new LittleEndianFile(offsetsFile)) {
      offsets.putLong(0);
      while (texts.hasNext()) {
        List<List<String>> blocks = new ArrayList<>(batchBlocks);
        while (texts.hasNext() && blocks.size() < batchBlocks) {
          List<String> block = new ArrayList<>(BLOCK_DOCUMENTS);
          while (texts.hasNext() && block.size() < BLOCK_DOCUMENTS) {
            block.add(texts.next());
          }
          blocks.add(block);
        }
        EncodedBlock[] encoded = new EncodedBlock[blocks.size()];
        engine.parallelFor(blocks.size(), b -> encoded[b] = encodeBlock(blocks.get(b), tokenizer, vocabulary));
        for (EncodedBlock block : encoded) {
          for (int i = 0; i < block.size; i++) {
            ids.putInt(block.ids[i]);
          }
          for (int length : block.lengths) {
            tokens += length;
            offsets.putLong(tokens);
            empty += length == 0 ? 1 : 0;
          }
          documents += block.lengths.length;
        }
      }
    }
    return new Result(documents, tokens, empty);
  }

  private static EncodedBlock encodeBlock(List<String> texts, Tokenizer tokenizer, Vocabulary vocabulary) {
    EncodedBlock block = new EncodedBlock(texts.size());
    for (int d = 0; d < texts.size(); d++) {
      int before = block.size;
      tokenizer.forEachToken(texts.get(d), token -> {
        int id = vocabulary.idOrOov(token);
        if (id >= 0) {
          block.add(id);
        }
      });
      block.lengths[d] = block.size - before;
    }
    return block;
  }

  /** The ids and per-document lengths of one block. */
  private static final class EncodedBlock {
    final int[] lengths;
    int[] ids = new int[1024];
    int size;

    EncodedBlock(int documents) {
      lengths = new int[documents];
    }

    void add(int id) {
      if (size == ids.length) {
        ids = java.util.Arrays.copyOf(ids, ids.length * 2);
      }
      ids[size++] = id;
    }
  }

  /** A buffered little-endian writer over a file channel (a {@code DataOutputStream} is big-endian). */
  private static final class LittleEndianFile implements AutoCloseable {
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);

    LittleEndianFile(Path file) throws IOException {
      channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING);
    }

    void putInt(int v) throws IOException {
      if (buffer.remaining() < Integer.BYTES) {
        drain();
      }
      buffer.putInt(v);
    }

    void putLong(long v) throws IOException {
      if (buffer.remaining() < Long.BYTES) {
        drain();
      }
      buffer.putLong(v);
    }

    private void drain() throws IOException {
      buffer.flip();
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      buffer.clear();
    }

    @Override
    public void close() throws IOException {
      try {
        drain();
      } finally {
        channel.close();
      }
    }
  }
}
